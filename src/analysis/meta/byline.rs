//! Author names: cleaning a raw byline ("By ANN LEE and Bo Chen, Staff Writers | Updated
//! 3 hours ago") into person names, telling names from placeholders, URLs and site names,
//! and finding visible bylines in the page body.

use crate::page::Page;
use regex::Regex;
use std::sync::LazyLock;

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)^\s*(?:(?:written|posted|published|reported|compiled|edited|words|text|story|photos?|interview)\s+(?:by|von)|by|von|vom|par|por|door|av|autor(?:in)?|auteur|author|authors|autore|reporter|text|von\s+und\s+mit)\s*[:：]?\s+",
    )
    .unwrap()
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\S+@\S+\.\w+|https?://\S+|www\.\S+|(?:^|\s)@\w+|\(\s*\)").unwrap()
});
/// Degrees and post-nominals that follow a name after a comma ("Ann Lee, PhD").
static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^(?i:ph\.?\s?d|m\.?d|m\.?s|m\.?sc|b\.?sc|m\.?a|b\.?a|r\.?d|r\.?n|mph|mba|jr|sr|ii|iii|dr|prof|esq|cpa|lcsw|facp|frcp|dvm|pharmd|cfa)\.?$").unwrap()
});
/// Where a byline stops being names: a date, a time, "Updated", a role after a comma.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)\s*(?:[|•·]|\s[-–—]\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d|\bon\s+\d|\d{1,2}[:/.]\d{1,2}|\b\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\bfollow\b|\btwitter\b|\bemail\b|\bread more\b|\bmore by\b|\bview all\b|\bfor\s+the\b|\(\s*@|\bstaff\s+(?:writer|reporter)|\bcorrespondent\b|\bcontributor\b|\beditor\b|\breporter\b|\bcolumnist\b|\bphoto(?:grapher)?s?\b|(?-i:\s+in\s+[A-Z])).*$",
    )
    .unwrap()
});
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)\s*(?:,\s*(?:and|und|et|y|e)\s+|\s+(?:and|und|et|y|e|en|och|og|i|и)\s+|\s*[&;,，、/]\s*)")
        .unwrap()
});

/// Words that say "somebody at the publisher" rather than name a person.
const PLACEHOLDERS: &[&str] = &[
    "staff",
    "admin",
    "administrator",
    "editor",
    "editors",
    "editorial",
    "redaktion",
    "rédaction",
    "redaccion",
    "redacción",
    "newsroom",
    "news desk",
    "web desk",
    "staff writer",
    "staff reporter",
    "guest",
    "anonymous",
    "unknown",
    "user",
    "team",
    "wires",
    "wire",
    "agencies",
    "agency",
    "press release",
    "no author",
    "none",
    "null",
    "author",
    "by",
];

/// Is `s` a placeholder ("Staff", "Admin", "Editorial Team") rather than a name?
pub fn is_placeholder(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    PLACEHOLDERS.contains(&l.as_str())
        || l.ends_with(" staff")
        || l.ends_with(" team")
        || l.ends_with(" desk")
        || l.starts_with("staff ")
}

/// Cleans one raw byline into names: strips "By", roles, dates and links, splits on "and",
/// "&", commas; keeps the input order and drops repeats.
pub fn names(raw: &str) -> Vec<String> {
    let s = crate::text::ascii::collapse_ws(raw);
    let s = EMAIL.replace_all(&s, " ");
    let mut s = s
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    // A byline may carry its prefix twice ("By: By Ann Lee").
    for _ in 0..2 {
        if let Some(m) = PREFIX.find(&s) {
            s = s[m.end()..].to_string();
        }
    }
    let s = TAIL.replace(&s, "");
    let mut out: Vec<String> = Vec::new();
    for part in SPLIT.split(&s) {
        let p = PREFIX.replace(part, "");
        let p = p
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
            .trim_end_matches('.')
            .trim();
        let p = fix_case(p);
        if DEGREE.is_match(&p) {
            continue;
        }
        if looks_like_name(&p) && !out.iter().any(|o| o.eq_ignore_ascii_case(&p)) {
            out.push(p);
        }
    }
    out
}

static INVERTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([\w'-]{2,}),\s*([\w'-]{2,}(?:\s+\w\.?)?)\s*$").unwrap());

/// "Lee, Ann" (library order) back to "Ann Lee". Two single words around one comma are
/// far likelier one inverted name than two one-word authors.
pub fn uninvert(s: &str) -> String {
    match INVERTED.captures(s) {
        Some(c) if !DEGREE.is_match(&c[2]) => format!("{} {}", &c[2], &c[1]),
        _ => s.to_string(),
    }
}

/// "ANN LEE" reads as a name shouted by CSS-less markup: give it title case.
fn fix_case(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) {
        s.split(' ')
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        s.to_string()
    }
}

/// A plausible person name (or a pen name): 1 to 6 words, mostly letters, not a URL,
/// not a placeholder, not a sentence.
pub fn looks_like_name(s: &str) -> bool {
    let s = s.trim();
    let chars = s.chars().count();
    if !(2..=60).contains(&chars) || is_placeholder(s) {
        return false;
    }
    if s.contains("://") || s.starts_with("www.") || s.starts_with('@') {
        return false;
    }
    let words = s.split_whitespace().count();
    if words > 6 {
        return false;
    }
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters * 10 >= chars * 7
}

/// Is `s` a multi-word name in which every word is capitalised ("Ann Lee", "Jean-Luc de la
/// Tour")? Used to trust visible text that carries no "By".
pub fn capitalised_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let lower_ok = [
        "de", "la", "van", "von", "der", "den", "da", "di", "del", "du", "le", "bin", "al", "y",
    ];
    words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || lower_ok.contains(&w.to_lowercase().as_str())
    })
}

static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)^\s*(?:(?:written|posted|reported|words)\s+)?(?:by|von|par|por|door|di)\s*:?\s+\S",
    )
    .unwrap()
});

/// Whether `t` opens with a word `BY_LINE` or `BARE_BY` can start with: a cheap test
/// that spares the regexes nearly every text node of the page.
fn may_start_by_line(t: &str) -> bool {
    let t = crate::text::ascii::trim_start_fast(t);
    let end = t
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(t.len());
    let w = t[..end].to_ascii_lowercase();
    matches!(
        w.as_str(),
        "written" | "posted" | "reported" | "words" | "by" | "von" | "par" | "por" | "door" | "di"
    )
}

/// A byline candidate found in the body, with the node it came from.
#[derive(Debug, Clone)]
pub struct Visible {
    pub names: Vec<String>,
    pub node: usize,
    /// "byline element", "author element", "By line".
    pub how: &'static str,
}

/// Class/id words that mark an element holding the author's name.
fn byline_class(class: &str) -> Option<&'static str> {
    let c = class.to_ascii_lowercase();
    if c.contains("byline") || c.contains("by-line") {
        return Some("byline element");
    }
    let bad = [
        "bio",
        "description",
        "comment",
        "avatar",
        "image",
        "img",
        "photo",
        "pic",
        "more",
        "about",
        "box",
        "info",
        "social",
        "follow",
        "share",
        "list",
        "related",
        "date",
    ];
    if (c.contains("author") || c.contains("writer") || c.contains("autor") || c.contains("auteur"))
        && !bad.iter().any(|b| c.contains(b))
    {
        return Some("author element");
    }
    None
}

/// Does this class/id say the element is a comment thread, a related-stories box or a
/// sidebar? ("no-sidebars" on a body does not.)
pub fn is_aside_class(class: &str) -> bool {
    class.split_whitespace().any(|tok| {
        let t = tok.to_ascii_lowercase();
        if t.starts_with("no-") || t.starts_with("has-") || t.starts_with("with-") {
            return false;
        }
        t.split(['-', '_'])
            .any(|w| w.starts_with("comment") || w == "related" || w.starts_with("sidebar"))
    })
}

fn class_and_id(page: &Page, i: usize) -> String {
    let n = &page.nodes[i];
    format!(
        "{} {} {}",
        n.attr("class").unwrap_or(""),
        n.attr("id").unwrap_or(""),
        n.attr("rel").unwrap_or("")
    )
}

static BARE_BY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)^\s*(?:(?:written|posted|reported|words)\s+)?(?:by|von|par|por|door)\s*:?\s*$",
    )
    .unwrap()
});

/// Names inside a byline element: the links or name-classed parts when they hold names
/// (so a role or outlet glued after the name stays out), else the whole text.
fn names_in(page: &Page, i: usize) -> Vec<String> {
    let end = page.subtree_end(i);
    let mut parts = Vec::new();
    for j in i + 1..end {
        let n = &page.nodes[j];
        let named = n.is_element("a")
            || n.attr("class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("name"));
        if named {
            let t = page.text_of(j);
            if capitalised_name(&t) || capitalised_name(&fix_case(&t)) {
                parts.push(fix_case(&t));
            }
        }
    }
    if !parts.is_empty() {
        parts.dedup();
        return parts;
    }
    names(&page.text_of(i))
}

/// Visible bylines in the body, best first: elements whose class or id says byline or
/// author, then short text lines that start with "By".
pub fn find_visible(page: &Page) -> Vec<Visible> {
    let mut out = Vec::new();
    let mut in_body = false;
    let mut skip_until = 0usize;
    let mut by_lines = Vec::new();
    for (i, n) in page.nodes.iter().enumerate() {
        if i < skip_until {
            continue;
        }
        match n.tag() {
            Some("body") => in_body = true,
            Some("script" | "head" | "nav" | "footer" | "aside" | "form") => {
                skip_until = page.subtree_end(i);
                continue;
            }
            _ => {}
        }
        if !in_body {
            continue;
        }
        if let Some(tag) = n.tag() {
            // Only these words make an aside or a byline element (see the two tests below).
            if page.hints(i) & crate::page::hint::BYLINE_OR_ASIDE == 0 {
                continue;
            }
            let class = class_and_id(page, i);
            if !matches!(tag, "body" | "main" | "article") && is_aside_class(&class) {
                skip_until = page.subtree_end(i);
                continue;
            }
            if let Some(how) = byline_class(&class) {
                // The smallest element that says so: a wrapper holding a whole article is
                // not a byline.
                if page.text_within(i, 200).is_some() {
                    let names = names_in(page, i);
                    if !names.is_empty() {
                        out.push(Visible {
                            names,
                            node: i,
                            how,
                        });
                        skip_until = page.subtree_end(i);
                    }
                }
            }
        } else if let Some(t) = n.text() {
            // Both patterns skip white space themselves, slowly (Unicode `\s` in the
            // PikeVM): trimming first gives the same answers, and indentation-only text
            // nodes, most of a page's, cost nothing.
            if t.len() >= 120 || !may_start_by_line(t) {
                continue;
            }
            let bare = BARE_BY.is_match(t.trim());
            if bare || BY_LINE.is_match(t.trim_start()) {
                // The "By" may sit in its own element before the one holding the name:
                // climb until the text holds more than the "By".
                let mut src = t.to_string();
                let mut at = n.parent as usize;
                for _ in 0..3 {
                    if at >= page.nodes.len() {
                        break;
                    }
                    let Some(whole) = page.text_within(at, 160) else {
                        break;
                    };
                    src = whole;
                    if !BARE_BY.is_match(&src) {
                        break;
                    }
                    at = page.nodes[at].parent as usize;
                }
                let names = names(&src);
                if !names.is_empty() {
                    by_lines.push(Visible {
                        names,
                        node: i,
                        how: "By line",
                    });
                }
            }
        }
    }
    out.extend(by_lines);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_bylines() {
        assert_eq!(names("By Ann Lee and Bo Chen"), vec!["Ann Lee", "Bo Chen"]);
        assert_eq!(
            names("By ANN LEE, Staff Writer | Updated 3 hours ago"),
            vec!["Ann Lee"]
        );
        assert_eq!(
            names("Von Hans Müller und Eva Roth"),
            vec!["Hans Müller", "Eva Roth"]
        );
        assert_eq!(names("Written by: Jo Doe (jo@x.com)"), vec!["Jo Doe"]);
        assert_eq!(
            names("Ann Lee, Bo Chen & Cy Dee"),
            vec!["Ann Lee", "Bo Chen", "Cy Dee"]
        );
        assert_eq!(names("by Ann Lee on March 3, 2023"), vec!["Ann Lee"]);
        assert!(names("Staff").is_empty());
        assert!(names("https://example.com/author/x").is_empty());
    }

    #[test]
    fn inverted_names() {
        assert_eq!(uninvert("Lee, Ann"), "Ann Lee");
        assert_eq!(uninvert("Ann Lee, PhD"), "Ann Lee, PhD");
        assert_eq!(uninvert("Ann Lee, Bo Chen"), "Ann Lee, Bo Chen");
    }

    #[test]
    fn name_shapes() {
        assert!(looks_like_name("Jean-Luc de la Tour"));
        assert!(!looks_like_name(
            "Click here to read the rest of this very long sentence now"
        ));
        assert!(!looks_like_name("User 123"));
        assert!(capitalised_name("Ann Lee"));
        assert!(!capitalised_name("the news"));
    }
}
