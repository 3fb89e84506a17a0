//! The interface languages, and how one is chosen: `--lang`, the settings file, the locale,
//! the article's own language, English.

/// A value of the article that has a name in each language glose speaks (an annotation's kind,
/// a verdict). The article's model says its own names; `Lang` picks one. So this module needs
/// nothing from the model, and every module can use it.
pub trait Named: Copy {
    /// The name, in English then in French.
    fn names(self) -> (&'static str, &'static str);

    /// The name in the plural, in English then in French (the singular unless said otherwise).
    fn plural_names(self) -> (&'static str, &'static str) {
        self.names()
    }
}

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language named by the locale environment variables, if glose speaks it: `None` for
    /// `C`, `POSIX`, an unset locale or a language glose has no table for.
    pub fn from_env() -> Option<Self> {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// Same as `from_env`, with the environment given (for tests). The first variable set
    /// decides, as in POSIX: `LC_ALL=C` hides `LANG=fr_FR.UTF-8`.
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Option<Self> {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = get(name).filter(|v| !v.is_empty()) {
                return Self::from_tag(&value);
            }
        }
        None
    }

    /// The language of a locale name (`fr_FR.UTF-8`) or a BCP 47 tag (`fr`, `en-GB`), if glose
    /// speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Self::Fr),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The interface language, in this order: the `--lang` option, the settings file, the
    /// locale, then (when the locale names no language glose speaks) the article's own
    /// language if glose speaks it, else English.
    pub fn choose(
        option: Option<Self>,
        settings: Option<Self>,
        locale: Option<Self>,
        article: Option<&str>,
    ) -> Self {
        option
            .or(settings)
            .or(locale)
            .or_else(|| article.and_then(Self::from_tag))
            .unwrap_or_default()
    }

    /// Every language glose speaks.
    pub const ALL: [Self; 2] = [Self::En, Self::Fr];

    /// French for a French text, else English: the language of what is written about an
    /// article for its readers (a handout, an export), which follows the article's own.
    pub fn of_article(french: bool) -> Self {
        if french { Self::Fr } else { Self::En }
    }

    /// The language's BCP 47 tag (`en`, `fr`), as an HTML page's `lang` says it.
    pub fn tag(self) -> &'static str {
        self.pick("en", "fr")
    }

    /// Whether French typography applies: no-break spaces before `: ; ! ?`, inside « », and
    /// none of them left at a line's start.
    pub fn french_typography(self) -> bool {
        self == Self::Fr
    }

    /// A number as this language writes it: `12.5`, `12,5` in French.
    pub fn decimal(self, shown: String) -> String {
        match self {
            Self::Fr => shown.replace('.', ","),
            Self::En => shown,
        }
    }

    /// Picks the string for this language.
    pub fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        match self {
            Self::En => en,
            Self::Fr => fr,
        }
    }

    /// An annotation kind's name ("figure", "chiffre").
    pub fn kind(self, kind: impl Named) -> &'static str {
        let (en, fr) = kind.names();
        self.pick(en, fr)
    }

    /// A verdict's name ("confirmed", "confirmé").
    pub fn verdict(self, verdict: impl Named) -> &'static str {
        let (en, fr) = verdict.names();
        self.pick(en, fr)
    }

    /// A kind's name in the plural ("figures", "chiffres"), for the index's filter.
    pub fn kinds(self, kind: impl Named) -> &'static str {
        let (en, fr) = kind.plural_names();
        self.pick(en, fr)
    }

    /// The space French puts before `:`, `;`, `!`, `?` (a no-break space); none in English.
    pub fn colon(self) -> &'static str {
        self.pick(": ", "\u{a0}: ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_the_first_set_variable() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let fr = Some(Lang::Fr);
        let en = Some(Lang::En);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "fr_FR.UTF-8")])), fr);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "en_GB.UTF-8")])), en);
        assert_eq!(Lang::from_locale_vars(env(&[("LC_MESSAGES", "fr_CA")])), fr);
        // The first variable set decides, even when it names no language.
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")])),
            None
        );
        for unknown in ["C", "POSIX", "C.UTF-8", "de_DE.UTF-8", "french"] {
            let lang = |name: &str| (name == "LANG").then(|| unknown.to_owned());
            assert_eq!(Lang::from_locale_vars(lang), None, "{unknown}");
        }
        assert_eq!(Lang::from_locale_vars(env(&[])), None);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "")])), None);
    }

    #[test]
    fn option_then_settings_then_locale_then_the_article() {
        let (fr, en) = (Some(Lang::Fr), Some(Lang::En));
        assert_eq!(Lang::choose(en, fr, fr, Some("fr")), Lang::En);
        assert_eq!(Lang::choose(None, en, fr, Some("fr")), Lang::En);
        assert_eq!(Lang::choose(None, None, en, Some("fr")), Lang::En);
        // A locale glose does not speak: the article's language.
        assert_eq!(Lang::choose(None, None, None, Some("fr")), Lang::Fr);
        assert_eq!(Lang::choose(None, None, None, Some("fr-CA")), Lang::Fr);
        assert_eq!(Lang::choose(None, None, None, Some("en")), Lang::En);
        // Neither speaks a language glose has: English.
        assert_eq!(Lang::choose(None, None, None, Some("de")), Lang::En);
        assert_eq!(Lang::choose(None, None, None, None), Lang::En);
    }
}
