//! Look-up links for named people, places and organisations: a Wikipedia search address the
//! reader may open. Newsmark itself never fetches it.

const SEARCH: &str = "https://en.wikipedia.org/wiki/Special:Search?search=";

/// The Wikipedia search URL for `name`, percent-encoded (spaces as "+").
pub fn wikipedia(name: &str) -> String {
    let mut out = String::with_capacity(SEARCH.len() + name.len() * 2);
    out.push_str(SEARCH);
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
}
