//! Where everything goes on screen, for a terminal size: header, panes, side pane, status.
//!
//! A pure function of the size and a few view flags, used both by `update` (page sizes, mouse
//! hit-testing) and by `render`, so the two always agree. Three arrangements:
//! - **grid** (≥ 140 columns and ≥ 30 rows, 2 to 4 panes): the panes as a 2×2 grid, the side
//!   pane on the right (a third of the width);
//! - **stacked, side right** (≥ 100 columns): the focused pane large, the others one title line
//!   each, the side pane on the right;
//! - **stacked, drawer** (< 100 columns): the focused pane full width, the side pane as a drawer
//!   at the bottom, shown when an annotation is selected (or when asked for with `s`).
//!
//! Below `MIN_WIDTH`×`MIN_HEIGHT` there is no arrangement: the UI shows "terminal too small".

use ratatui::layout::Rect;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// Readable line length: text wider than this is centred in its pane.
pub const MAX_TEXT_WIDTH: u16 = 88;
/// Panes listed as one title line each in the stacked arrangement; beyond, only the focused one.
const MAX_COLLAPSED: usize = 5;

/// One pane's place on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneArea {
    pub pane: usize,
    /// The whole pane, border included.
    pub area: Rect,
    /// Where its text goes (empty for a collapsed pane).
    pub text: Rect,
    /// Shown as its title line only.
    pub collapsed: bool,
}

/// How the side pane is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidePlacement {
    Right,
    Drawer,
}

/// The whole screen's arrangement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub header: Rect,
    pub status: Rect,
    pub panes: Vec<PaneArea>,
    pub side: Option<(Rect, SidePlacement)>,
    pub grid: bool,
}

/// What the arrangement depends on besides the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenInput {
    pub pane_count: usize,
    pub focus: usize,
    /// `Some(shown)` when the reader toggled the side pane; `None` leaves it automatic.
    pub side_pref: Option<bool>,
    pub has_selection: bool,
    pub max_text_width: u16,
    /// Columns of the side pane when it is on the right (`None`: a third of the width from 140
    /// columns, two fifths below). Always leaves the panes at least `MIN_MAIN_WIDTH` columns.
    pub side_width: Option<u16>,
}

/// Narrowest the panes get beside the side pane, whatever the configured side width.
pub const MIN_MAIN_WIDTH: u16 = 50;
/// Narrowest side pane.
pub const MIN_SIDE_WIDTH: u16 = 24;

impl Screen {
    /// Whether the side pane is on screen with these inputs at this width.
    pub fn side_shown(width: u16, input: &ScreenInput) -> bool {
        match input.side_pref {
            Some(shown) => shown,
            None => width >= 100 || input.has_selection,
        }
    }

    /// Arranges a `size` terminal, or `None` when it is too small.
    pub fn arrange(size: Rect, input: &ScreenInput) -> Option<Self> {
        if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
            return None;
        }
        let [header, body, status] = split_array(size, Axis::Vertical, [Some(1), None, Some(1)]);
        let side_shown = Self::side_shown(size.width, input);
        let (main, side) = if !side_shown {
            (body, None)
        } else if size.width >= 100 {
            let automatic = if size.width >= 140 {
                size.width / 3
            } else {
                size.width * 2 / 5
            };
            let side_width = input
                .side_width
                .unwrap_or(automatic)
                .min(size.width.saturating_sub(MIN_MAIN_WIDTH))
                .max(MIN_SIDE_WIDTH);
            let [main, side] = split_array(body, Axis::Horizontal, [None, Some(side_width)]);
            (main, Some((side, SidePlacement::Right)))
        } else {
            // Half the body: the source and its context are what the reader asked for.
            let drawer = (body.height / 2).max(6);
            let [main, side] = split_array(body, Axis::Vertical, [None, Some(drawer)]);
            (main, Some((side, SidePlacement::Drawer)))
        };
        let grid = size.width >= 140 && size.height >= 30 && (2..=4).contains(&input.pane_count);
        let panes = if grid {
            grid_panes(main, input)
        } else {
            stacked_panes(main, input)
        };
        Some(Self {
            header,
            status,
            panes,
            side,
            grid,
        })
    }

    /// The area of a pane, if it is on screen.
    pub fn pane(&self, pane: usize) -> Option<&PaneArea> {
        self.panes.iter().find(|p| p.pane == pane)
    }
}

fn grid_panes(main: Rect, input: &ScreenInput) -> Vec<PaneArea> {
    let [top, bottom] = split_array(main, Axis::Vertical, [None, None]);
    let mut cells = Vec::new();
    for (row, count) in [
        (top, 2.min(input.pane_count)),
        (bottom, input.pane_count - 2),
    ] {
        cells.extend(split(row, Axis::Horizontal, &vec![None; count]));
    }
    cells
        .into_iter()
        .enumerate()
        .map(|(pane, area)| PaneArea {
            pane,
            area,
            text: text_area(area, input.max_text_width),
            collapsed: false,
        })
        .collect()
}

fn stacked_panes(main: Rect, input: &ScreenInput) -> Vec<PaneArea> {
    let focus = input.focus.min(input.pane_count.saturating_sub(1));
    // The other panes' title lines, when the focused pane keeps at least 10 rows beside them.
    let collapsed_shown = input.pane_count <= MAX_COLLAPSED
        && usize::from(main.height) >= 10 + input.pane_count.saturating_sub(1);
    let shown: Vec<usize> = if collapsed_shown {
        (0..input.pane_count).collect()
    } else {
        vec![focus]
    };
    let sizes: Vec<Option<u16>> = shown
        .iter()
        .map(|&p| if p == focus { None } else { Some(1) })
        .collect();
    let areas = split(main, Axis::Vertical, &sizes);
    shown
        .iter()
        .zip(areas.iter())
        .map(|(&pane, &area)| {
            let collapsed = pane != focus;
            let text = if collapsed {
                Rect::default()
            } else {
                text_area(area, input.max_text_width)
            };
            PaneArea {
                pane,
                area,
                text,
                collapsed,
            }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Axis {
    Horizontal,
    Vertical,
}

/// `area` cut along `axis` into pieces of `Some(length)` cells and `None` for an equal share of
/// what the lengths leave (ratatui's `Constraint::Length` and `Constraint::Fill(1)`), exactly as
/// ratatui's `Layout` cuts it when the lengths fit, as they always do here. Computed directly:
/// the layout solver costs about a tenth of the reader's start-up on its first call. Shares
/// that do not divide evenly end at the nearest cell (halves rounded up).
fn split(area: Rect, axis: Axis, sizes: &[Option<u16>]) -> Vec<Rect> {
    let total = match axis {
        Axis::Horizontal => area.width,
        Axis::Vertical => area.height,
    };
    let fixed: u16 = sizes.iter().flatten().fold(0, |a, b| a.saturating_add(*b));
    let rest = u32::from(total.saturating_sub(fixed));
    let fills = sizes.iter().filter(|s| s.is_none()).count() as u32;
    let mut at = 0u16;
    let mut filled = 0u32;
    sizes
        .iter()
        .map(|size| {
            let length = match size {
                Some(length) => (*length).min(total.saturating_sub(at)),
                None => {
                    // Where this share ends, rounded to the nearest cell, halves up.
                    let before = (filled * rest * 2 / fills).div_ceil(2);
                    filled += 1;
                    let after = (filled * rest * 2 / fills).div_ceil(2);
                    u16::try_from(after - before).unwrap_or(u16::MAX)
                }
            };
            let piece = match axis {
                Axis::Horizontal => Rect {
                    x: area.x + at,
                    width: length,
                    ..area
                },
                Axis::Vertical => Rect {
                    y: area.y + at,
                    height: length,
                    ..area
                },
            };
            at += length;
            piece
        })
        .collect()
}

/// [`split`] into a fixed number of pieces.
fn split_array<const N: usize>(area: Rect, axis: Axis, sizes: [Option<u16>; N]) -> [Rect; N] {
    let pieces = split(area, axis, &sizes);
    std::array::from_fn(|i| pieces.get(i).copied().unwrap_or_default())
}

/// Inside the border, one column of padding each side, at most `max_width` wide and centred.
fn text_area(area: Rect, max_width: u16) -> Rect {
    let inner = Rect {
        x: area.x.saturating_add(2),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    };
    let max_width = max_width.max(20);
    if inner.width > max_width {
        let margin = (inner.width - max_width) / 2;
        Rect {
            x: inner.x + margin,
            width: max_width,
            ..inner
        }
    } else {
        inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(focus: usize) -> ScreenInput {
        ScreenInput {
            pane_count: 4,
            focus,
            side_pref: None,
            has_selection: false,
            max_text_width: MAX_TEXT_WIDTH,
            side_width: None,
        }
    }

    #[test]
    fn every_size_is_arranged_inside_the_terminal_or_refused() {
        for width in 0..=220u16 {
            for height in [0, 1, 5, 11, 12, 13, 24, 30, 45, 60] {
                let size = Rect::new(0, 0, width, height);
                for selection in [false, true] {
                    let input = ScreenInput {
                        has_selection: selection,
                        ..input(2)
                    };
                    let Some(screen) = Screen::arrange(size, &input) else {
                        assert!(width < MIN_WIDTH || height < MIN_HEIGHT);
                        continue;
                    };
                    for pane in &screen.panes {
                        assert!(size.contains(pane.area.as_position()) || pane.area.is_empty());
                        assert!(pane.area.right() <= width && pane.area.bottom() <= height);
                        assert!(pane.text.right() <= pane.area.right());
                    }
                    assert!(screen.pane(2).is_some_and(|p| !p.collapsed));
                }
            }
        }
    }

    #[test]
    fn wide_is_a_grid_medium_is_stacked_narrow_has_a_drawer() {
        let wide = Screen::arrange(Rect::new(0, 0, 160, 45), &input(0)).unwrap();
        assert!(wide.grid);
        assert_eq!(wide.panes.iter().filter(|p| !p.collapsed).count(), 4);
        assert!(matches!(wide.side, Some((_, SidePlacement::Right))));

        let medium = Screen::arrange(Rect::new(0, 0, 120, 40), &input(1)).unwrap();
        assert!(!medium.grid);
        assert_eq!(medium.panes.iter().filter(|p| p.collapsed).count(), 3);
        assert!(matches!(medium.side, Some((_, SidePlacement::Right))));

        let narrow = Screen::arrange(Rect::new(0, 0, 80, 24), &input(0)).unwrap();
        assert!(narrow.side.is_none());
        assert_eq!(narrow.pane(0).unwrap().text.width, 76);
        let selected = ScreenInput {
            has_selection: true,
            ..input(0)
        };
        let narrow = Screen::arrange(Rect::new(0, 0, 80, 24), &selected).unwrap();
        assert!(matches!(narrow.side, Some((_, SidePlacement::Drawer))));
    }

    #[test]
    fn a_configured_side_width_is_used_but_leaves_room_for_the_text() {
        let side = |width, columns| {
            let input = ScreenInput {
                side_width: Some(width),
                ..input(0)
            };
            let screen = Screen::arrange(Rect::new(0, 0, columns, 40), &input).unwrap();
            screen.side.unwrap().0.width
        };
        assert_eq!(side(60, 160), 60);
        assert_eq!(side(90, 120), 120 - MIN_MAIN_WIDTH);
        assert_eq!(side(5, 120), MIN_SIDE_WIDTH);
    }

    #[test]
    fn split_is_ratatuis_layout() {
        use ratatui::layout::{Constraint, Layout};
        let cases: &[&[Option<u16>]] = &[
            &[Some(1), None, Some(1)],
            &[None, Some(24)],
            &[None, Some(40)],
            &[None, Some(6)],
            &[None, None],
            &[None],
            &[Some(1), Some(1), None, Some(1)],
            &[None, Some(1), Some(1), Some(1), Some(1)],
        ];
        for sizes in cases {
            let constraints: Vec<Constraint> = sizes
                .iter()
                .map(|s| s.map_or(Constraint::Fill(1), Constraint::Length))
                .collect();
            let fixed: u16 = sizes.iter().flatten().sum();
            for total in fixed..=400 {
                let area = Rect::new(3, 2, total, total / 2 + 1);
                let area_v = Rect::new(3, 2, total / 2 + 1, total);
                assert_eq!(
                    split(area, Axis::Horizontal, sizes),
                    Layout::horizontal(constraints.clone()).split(area).to_vec(),
                    "{sizes:?} {total}"
                );
                assert_eq!(
                    split(area_v, Axis::Vertical, sizes),
                    Layout::vertical(constraints.clone()).split(area_v).to_vec(),
                    "{sizes:?} {total}"
                );
            }
        }
    }

    #[test]
    fn text_width_is_capped_and_centred() {
        let area = text_area(Rect::new(0, 0, 200, 10), 88);
        assert_eq!(area.width, 88);
        assert_eq!(area.x, 2 + (196 - 88) / 2);
    }
}
