//! Case-insensitive regexes without the regex crate's Unicode case tables.
//!
//! `(?i)` in a Unicode regex needs the `unicode-case` feature, whose folding tables cost
//! about 20 KB of the gzipped wasm. Our patterns only need ASCII case folding, so `regex`
//! rewrites the `(?i)` / `(?i:…)` parts of a pattern into explicit classes (`a` ->
//! `[aA]`, `[a-z]` -> `[a-zA-Z]`) before compiling it. Letters outside ASCII match as
//! written.

use regex::Regex;

/// Compiles `pat` like `Regex::new`, folding ASCII case where it says `(?i)`.
pub fn regex(pat: &str) -> Result<Regex, regex::Error> {
    Regex::new(&fold(pat))
}

/// The rewriting behind `regex`.
pub fn fold(pat: &str) -> String {
    let chars: Vec<char> = pat.chars().collect();
    let mut out = String::with_capacity(pat.len() * 2);
    // Case folding of each open group, restored when the group closes.
    let mut stack: Vec<bool> = Vec::new();
    let mut ci = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                out.push(c);
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                    i += 1;
                    // \p{..}, \x{..}, \u{..}: copy the braces whole.
                    if matches!(n, 'p' | 'P' | 'x' | 'u') && chars.get(i + 1) == Some(&'{') {
                        while i + 1 < chars.len() {
                            i += 1;
                            out.push(chars[i]);
                            if chars[i] == '}' {
                                break;
                            }
                        }
                    }
                }
            }
            '[' => {
                let end = class_end(&chars, i);
                // Additions go first (after a `^`, and after a leading literal `]`), so a
                // trailing `-` in the body stays a literal.
                let body = &chars[i + 1..end];
                let mut head = usize::from(body.first() == Some(&'^'));
                if body.get(head) == Some(&']') {
                    head += 1;
                }
                out.push('[');
                out.extend(&body[..head]);
                if ci {
                    out.push_str(&class_other_case(&body[head..]));
                }
                out.extend(&body[head..]);
                out.push(']');
                i = end;
            }
            '(' if chars.get(i + 1) == Some(&'?') => {
                // A flag group, `(?flags)` or `(?flags:`: take `i` out of the flags and
                // track it here. Anything else (`(?:`, `(?P<name>`) opens a plain group.
                let mut j = i + 2;
                while j < chars.len() && (chars[j].is_ascii_alphabetic() || chars[j] == '-') {
                    j += 1;
                }
                let flags: String = chars[i + 2..j].iter().collect();
                let closer = chars.get(j).copied();
                if !flags.is_empty()
                    && !flags.starts_with('P')
                    && matches!(closer, Some(')') | Some(':'))
                {
                    let (on, off) = flags.split_once('-').unwrap_or((&flags, ""));
                    let new_ci = if off.contains('i') {
                        Some(false)
                    } else if on.contains('i') {
                        Some(true)
                    } else {
                        None
                    };
                    let rest: String = flags.chars().filter(|&f| f != 'i').collect();
                    let rest = if rest.ends_with('-') {
                        rest.trim_end_matches('-').to_string()
                    } else {
                        rest
                    };
                    if closer == Some(':') {
                        stack.push(ci);
                        out.push_str("(?");
                        out.push_str(&rest);
                        out.push(':');
                    } else if !rest.is_empty() {
                        out.push_str("(?");
                        out.push_str(&rest);
                        out.push(')');
                    }
                    if let Some(v) = new_ci {
                        ci = v;
                    }
                    i = j;
                } else {
                    stack.push(ci);
                    out.push(c);
                }
            }
            '(' => {
                stack.push(ci);
                out.push(c);
            }
            ')' => {
                ci = stack.pop().unwrap_or(false);
                out.push(c);
            }
            '{' => {
                // Counted repetition: copy as is.
                while i < chars.len() {
                    out.push(chars[i]);
                    if chars[i] == '}' {
                        break;
                    }
                    i += 1;
                }
            }
            c if ci && c.is_ascii_alphabetic() => {
                out.push('[');
                out.push(c.to_ascii_lowercase());
                out.push(c.to_ascii_uppercase());
                out.push(']');
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Index of the `]` closing the class that opens at `start`.
fn class_end(chars: &[char], start: usize) -> usize {
    let mut j = start + 1;
    if chars.get(j) == Some(&'^') {
        j += 1;
    }
    if chars.get(j) == Some(&']') {
        j += 1;
    }
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            ']' => return j,
            _ => j += 1,
        }
    }
    chars.len().saturating_sub(1)
}

/// The other-case counterparts of a class body's ASCII letters and letter ranges.
fn class_other_case(body: &[char]) -> String {
    let mut add = String::new();
    let mut j = 0;
    while j < body.len() {
        let c = body[j];
        if c == '\\' {
            j += 2;
            continue;
        }
        if body.get(j + 1) == Some(&'-') && j + 2 < body.len() && body[j + 2] != ']' {
            let d = body[j + 2];
            if c.is_ascii_lowercase() && d.is_ascii_lowercase() {
                add.push_str(&format!(
                    "{}-{}",
                    c.to_ascii_uppercase(),
                    d.to_ascii_uppercase()
                ));
            } else if c.is_ascii_uppercase() && d.is_ascii_uppercase() {
                add.push_str(&format!(
                    "{}-{}",
                    c.to_ascii_lowercase(),
                    d.to_ascii_lowercase()
                ));
            }
            j += 3;
            continue;
        }
        if c.is_ascii_lowercase() {
            add.push(c.to_ascii_uppercase());
        } else if c.is_ascii_uppercase() {
            add.push(c.to_ascii_lowercase());
        }
        j += 1;
    }
    add
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_only_where_asked() {
        assert_eq!(fold("(?i)ab"), "[aA][bB]");
        assert_eq!(fold(r"x(?i:in|on)\s+Y"), r"x(?:[iI][nN]|[oO][nN])\s+Y");
        assert_eq!(fold(r"(?i)\bsaid\b"), r"\b[sS][aA][iI][dD]\b");
        assert_eq!(fold(r"(?i)[a-z-]+\d{1,2}"), r"[A-Za-z-]+\d{1,2}");
        assert_eq!(fold(r"(?i)[^x]"), r"[^Xx]");
        assert_eq!(fold(r"(a)(?i)b"), r"(a)[bB]");
        assert_eq!(fold(r"((?i)a)b"), r"([aA])b");
        assert_eq!(fold(r"(?i)[^.|,;©]x"), r"[^.|,;©]x".replace('x', "[xX]"));
        assert_eq!(fold(r"(?i)\p{Lu}"), r"\p{Lu}");
        assert_eq!(fold(r"(?i)a(?-i:b)c"), r"[aA](?:b)[cC]");
        assert_eq!(fold(r"(?s)a"), r"(?s)a");
        assert_eq!(fold(r"(?is)a"), r"(?s)[aA]");
        assert_eq!(fold(r"(?P<x>a)"), r"(?P<x>a)");
    }

    #[test]
    fn folded_patterns_match_both_cases() {
        let re = regex(r"(?i)\b(yesterday|today)\b").unwrap();
        assert!(re.is_match("Yesterday"));
        assert!(re.is_match("TODAY, he said"));
        assert!(!re.is_match("todays"));
        let re = regex(r"(?i)^\s*(?:by|von)\s+\S").unwrap();
        assert!(re.is_match("BY Jane"));
        let re = regex(r"\b(?i:in|since)\s+(19\d\d)").unwrap();
        assert!(re.is_match("Since 1948"));
        assert!(regex(r"(?i)[a-z]+").unwrap().is_match("ABC"));
    }
}
