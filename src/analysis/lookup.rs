//! Look-up links for named people, places and organisations: a Wikipedia search address the
//! reader may open. Newsmark itself never fetches it.

/// The Wikipedia search URL for `name` on the English wiki.
pub fn wikipedia(name: &str) -> String {
    wikipedia_in(name, None)
}

/// The Wikipedia search URL for `name` on the wiki of the page's language `lang` (only a
/// plain two- or three-letter code picks a wiki: anything else is English, so a page cannot
/// steer the link elsewhere), percent-encoded with spaces as "+".
pub fn wikipedia_in(name: &str, lang: Option<&str>) -> String {
    let code = lang
        .and_then(|l| l.split(['-', '_']).next())
        .filter(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    let mut out = String::with_capacity(64 + name.len() * 2);
    out.push_str("https://");
    match code {
        Some(c) => out.push_str(&c.to_ascii_lowercase()),
        None => out.push_str("en"),
    }
    out.push_str(".wikipedia.org/wiki/Special:Search?search=");
    for b in name.trim().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_names() {
        assert_eq!(
            wikipedia("Sergey Lavrov"),
            "https://en.wikipedia.org/wiki/Special:Search?search=Sergey+Lavrov"
        );
        assert_eq!(
            wikipedia("Al-Maliki & Co/é"),
            "https://en.wikipedia.org/wiki/Special:Search?search=Al-Maliki+%26+Co%2F%C3%A9"
        );
    }

    #[test]
    fn picks_the_wiki_of_a_plain_language_code_only() {
        assert_eq!(
            wikipedia_in("Ana Díaz", Some("es-ES")),
            "https://es.wikipedia.org/wiki/Special:Search?search=Ana+D%C3%ADaz"
        );
        assert!(wikipedia_in("X", Some("javascript:")).starts_with("https://en."));
        assert!(wikipedia_in("X", Some("evil.example/")).starts_with("https://en."));
        assert!(wikipedia_in("X", None).starts_with("https://en."));
    }
}
