//! Grapheme-aware, French-aware wrapping (stub: filled by the wrapping work).
