//! User options (set on the extension's options page, passed in by the content shell):
//! which kinds of mention to highlight and how highlights look. Unknown or malformed
//! values fall back to the defaults, so an old or hand-edited store never breaks a page.

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Kinds highlighted when the panel opens ("official", "person", "place", "date").
    pub kinds: Vec<String>,
    /// "fill" (background) or "underline".
    pub style: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kinds: vec!["official".to_string()],
            style: "fill".to_string(),
        }
    }
}

pub const KINDS: &[&str] = &["official", "person", "place", "date"];
pub const STYLES: &[&str] = &["fill", "underline"];

impl Options {
    /// Parses options JSON, keeping only known kinds and styles.
    pub fn from_json(s: &str) -> Options {
        let mut o = Options::default();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(s) else {
            return o;
        };
        if let Some(kinds) = v.get("kinds").and_then(|k| k.as_array()) {
            o.kinds.clear();
            for k in kinds.iter().filter_map(|k| k.as_str()) {
                if KINDS.contains(&k) && !o.kinds.iter().any(|x| x == k) {
                    o.kinds.push(k.to_string());
                }
            }
        }
        if let Some(style) = v.get("style").and_then(|s| s.as_str()) {
            if STYLES.contains(&style) {
                o.style = style.to_string();
            }
        }
        o
    }

    pub fn shows(&self, kind: &str) -> bool {
        self.kinds.iter().any(|k| k == kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_filtering() {
        assert_eq!(Options::from_json("not json"), Options::default());
        let o = Options::from_json(r#"{"kinds":["person","bogus","date"],"style":"wavy"}"#);
        assert_eq!(o.kinds, vec!["person", "date"]);
        assert_eq!(o.style, "fill");
        assert!(o.shows("date") && !o.shows("official"));
        let o = Options::from_json(r#"{"style":"underline"}"#);
        assert!(o.shows("official"));
        assert_eq!(o.style, "underline");
    }
}
