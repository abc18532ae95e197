//! User options (set on the extension's options page, passed in by the content shell):
//! which kinds of mention to highlight and how highlights look. Unknown or malformed
//! values fall back to the defaults, so an old or hand-edited store never breaks a page.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
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
        let mut o: Options = serde_json::from_str(s).unwrap_or_default();
        o.kinds.retain(|k| KINDS.contains(&k.as_str()));
        o.kinds.dedup();
        if !STYLES.contains(&o.style.as_str()) {
            o.style = Options::default().style;
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
