//! Byte-level string helpers shared by every stage: ASCII case-insensitive search and
//! trims that skip the char-by-char path for ASCII white space (char loops are slow in wasm).

/// True when `hay` contains `needle` (given in lower case), ASCII case ignored. Saves a
/// lower-cased copy of every class attribute on the page.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    let up = first.to_ascii_uppercase();
    let mut i = 0;
    while i + n.len() <= h.len() {
        if (h[i] == first || h[i] == up) && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest) {
            return true;
        }
        i += 1;
    }
    false
}

/// Unicode white space beyond ASCII's (U+000B, U+00A0...), where the byte loops below
/// hand over to the full trims.
fn odd_edge(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| b >= 0x80 || b == 0x0B)
}

/// `t.trim()`, with ASCII white space handled by a byte loop first (most text nodes of a
/// page are indentation, and char-by-char trims are slow in wasm).
pub fn trim_fast(t: &str) -> &str {
    let trimmed = t.trim_ascii();
    if odd_edge(trimmed.as_bytes().first()) || odd_edge(trimmed.as_bytes().last()) {
        trimmed.trim()
    } else {
        trimmed
    }
}

/// `t.trim_start()`, the same way.
pub fn trim_start_fast(t: &str) -> &str {
    let trimmed = t.trim_ascii_start();
    if odd_edge(trimmed.as_bytes().first()) {
        trimmed.trim_start()
    } else {
        trimmed
    }
}

/// Collapses runs of white space to one space and trims the ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_trims_agree_with_std() {
        for t in [
            "",
            " a ",
            "\u{a0} x\u{b}",
            "\u{b}\ty",
            "\u{3000}日本\u{85}",
            "\r\n\u{c}z ",
        ] {
            assert_eq!(trim_fast(t), t.trim(), "{t:?}");
            assert_eq!(trim_start_fast(t), t.trim_start(), "{t:?}");
        }
    }

    #[test]
    fn contains_ci_ignores_ascii_case() {
        assert!(contains_ci("Post-DATE x", "date"));
        assert!(contains_ci("abc", ""));
        assert!(!contains_ci("da", "date"));
        assert!(!contains_ci("dÄte", "däte"));
        assert!(contains_ci("FooTer", "footer"));
    }
}
