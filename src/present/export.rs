//! Exports of an analysis for other tools: the analysis itself as JSON, and the official
//! mentions as a W3C Web Annotation collection (JSON-LD) whose targets carry
//! TextQuoteSelectors (exact, prefix, suffix), the form Hypothesis-compatible tools anchor.

use crate::analysis::Analysis;
use crate::present;
use crate::present::source as outlet;

/// Characters of context kept on each side of a quote (Hypothesis uses 32).
const CONTEXT_CHARS: usize = 32;
/// Neighbouring text nodes searched for context, on each side.
const CONTEXT_NODES: u32 = 4;

/// The analysis as pretty JSON.
pub fn analysis_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).unwrap_or_else(|_| "{}".to_string())
}

/// One annotation per official mention, as JSON-LD text. `text_of(i)` is the text of the
/// text node with `dom_index` i (None past the end); `url` is the annotated document's
/// address. Written by hand rather than through `serde_json::Value`: the export ships in
/// the wasm, where the generic builder costs several kilobytes.
pub fn web_annotations(a: &Analysis, url: &str, text_of: &dyn Fn(u32) -> Option<String>) -> String {
    let source = a
        .meta
        .url
        .as_deref()
        .filter(|u| present::is_web_link(u))
        .unwrap_or(url);
    let mut items = Vec::new();
    for m in a.mentions.iter().filter(|m| m.kind == "official") {
        let (Some(o), Some(node)) = (a.officials.get(m.entity), text_of(m.dom_index)) else {
            continue;
        };
        let (Some(exact), Some(before), Some(after)) = (
            node.get(m.start..m.end),
            node.get(..m.start),
            node.get(m.end..),
        ) else {
            continue;
        };
        let prefix = context_before(before, m.dom_index, text_of);
        let suffix = context_after(after, m.dom_index, text_of);
        let role = present::role_line(o);
        let describe = if role.is_empty() {
            o.name.clone()
        } else {
            format!("{}: {role}", o.name)
        };
        items.push(format!(
            concat!(
                r#"{{"type":"Annotation","motivation":"identifying","body":["#,
                r#"{{"type":"TextualBody","purpose":"identifying","format":"text/plain","value":{}}},"#,
                r#"{{"type":"TextualBody","purpose":"tagging","value":"official"}},"#,
                r#"{{"type":"SpecificResource","purpose":"identifying","source":{}}}],"#,
                r#""target":{{"source":{},"selector":[{{"type":"TextQuoteSelector","exact":{},"prefix":{},"suffix":{}}}]}}}}"#
            ),
            quote(&describe),
            quote(&crate::analysis::lookup::wikipedia_in(&o.name, a.meta.lang.as_deref())),
            quote(source),
            quote(exact),
            quote(&prefix),
            quote(&suffix),
        ));
    }
    // The outlet's standing in the perennial sources list, about the whole document.
    for r in &a.source_profile.reliability {
        items.push(format!(
            concat!(
                r#"{{"type":"Annotation","motivation":"assessing","body":["#,
                r#"{{"type":"TextualBody","purpose":"assessing","format":"text/plain","value":{},"rights":{}}},"#,
                r#"{{"type":"SpecificResource","purpose":"identifying","source":{}}}],"#,
                r#""target":{{"source":{}}}}}"#
            ),
            quote(&format!("{}. {} {}", outlet::consensus(r), r.summary, outlet::CREDIT)),
            quote(outlet::RIGHTS),
            quote(&r.entry),
            quote(source),
        ));
    }
    let label = match a.meta.title.as_deref() {
        Some(t) => format!("Newsmark: officials in “{t}”"),
        None => "Newsmark: officials".to_string(),
    };
    format!(
        concat!(
            r#"{{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","label":{},"#,
            r#""generator":{{"type":"Software","name":"Newsmark"}},"total":{},"#,
            r#""first":{{"type":"AnnotationPage","items":[{}]}}}}"#
        ),
        quote(&label),
        items.len(),
        items.join(",")
    )
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn context_before(first: &str, index: u32, text_of: &dyn Fn(u32) -> Option<String>) -> String {
    let mut parts = vec![first.to_string()];
    let mut n = first.chars().count();
    let mut i = index;
    while n < CONTEXT_CHARS && i > 0 && index - i < CONTEXT_NODES {
        i -= 1;
        let Some(t) = text_of(i) else { break };
        n += t.chars().count();
        parts.push(t);
    }
    parts.reverse();
    let all: String = parts.concat();
    let skip = all.chars().count().saturating_sub(CONTEXT_CHARS);
    all.chars().skip(skip).collect()
}

fn context_after(first: &str, index: u32, text_of: &dyn Fn(u32) -> Option<String>) -> String {
    let mut all = first.to_string();
    let mut i = index;
    while all.chars().count() < CONTEXT_CHARS && i - index < CONTEXT_NODES {
        i += 1;
        let Some(t) = text_of(i) else { break };
        all.push_str(&t);
    }
    all.chars().take(CONTEXT_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::people::Official;
    use crate::analysis::Mention;
    use serde_json::Value;

    fn anno(a: &Analysis, url: &str, texts: &[String]) -> Value {
        serde_json::from_str(&web_annotations(a, url, &|i| {
            texts.get(i as usize).cloned()
        }))
        .unwrap()
    }

    fn sample() -> (Analysis, Vec<String>) {
        let texts = vec![
            "Intro line. ".to_string(),
            "Secretary of State Antony Blinken met ".to_string(),
            "his counterpart; Blinken said so.".to_string(),
        ];
        let mut a = Analysis::default();
        a.meta.title = Some("Talks".into());
        a.meta.url = Some("https://news.example/a".into());
        a.officials.push(Official {
            name: "Antony Blinken".into(),
            role: "Secretary of State".into(),
            country: Some("US".into()),
            mentions: 2,
            ..Default::default()
        });
        a.mentions.push(Mention {
            kind: "official",
            entity: 0,
            dom_index: 1,
            start: 19,
            end: 33,
            ..Default::default()
        });
        a.mentions.push(Mention {
            kind: "official",
            entity: 0,
            dom_index: 2,
            start: 17,
            end: 24,
            ..Default::default()
        });
        // Mentions of other kinds and out-of-range spans are not exported.
        a.mentions.push(Mention {
            kind: "date",
            entity: 0,
            dom_index: 0,
            start: 0,
            end: 5,
            ..Default::default()
        });
        a.mentions.push(Mention {
            kind: "official",
            entity: 0,
            dom_index: 9,
            start: 0,
            end: 5,
            ..Default::default()
        });
        (a, texts)
    }

    #[test]
    fn one_annotation_per_official_mention_with_quote_selectors() {
        let (a, texts) = sample();
        let v = anno(&a, "http://127.0.0.1/x", &texts);
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["total"], 2);
        let items = v["first"]["items"].as_array().unwrap();
        let sel = &items[0]["target"]["selector"][0];
        assert_eq!(sel["type"], "TextQuoteSelector");
        assert_eq!(sel["exact"], "Antony Blinken");
        assert_eq!(sel["prefix"], "Intro line. Secretary of State ");
        assert_eq!(sel["suffix"], " met his counterpart; Blinken sa");
        assert_eq!(items[0]["target"]["source"], "https://news.example/a");
        let sel = &items[1]["target"]["selector"][0];
        assert_eq!(sel["exact"], "Blinken");
        assert_eq!(sel["prefix"].as_str().unwrap().chars().count(), 32);
        assert!(sel["prefix"]
            .as_str()
            .unwrap()
            .ends_with("his counterpart; "));
        assert_eq!(sel["suffix"], " said so.");
        assert_eq!(
            items[0]["body"][0]["value"],
            "Antony Blinken: Secretary of State of the United States"
        );
    }

    #[test]
    fn bad_offsets_are_skipped_not_panicked() {
        let (mut a, _) = sample();
        let texts = vec!["é".to_string(); 3];
        a.mentions[0].start = 1; // inside a two-byte character
        let v = anno(&a, "u", &texts);
        assert_eq!(v["total"], 0);
    }

    #[test]
    fn quoting_is_valid_json() {
        let s = "a\"b\\c\nd\u{1}e\u{2028}é";
        let back: String = serde_json::from_str(&quote(s)).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn analysis_json_round_trips() {
        let (a, _) = sample();
        let v: Value = serde_json::from_str(&analysis_json(&a)).unwrap();
        assert_eq!(v["officials"][0]["name"], "Antony Blinken");
        assert_eq!(v["title"], "Talks");
    }

    #[test]
    fn the_outlets_consensus_is_exported_about_the_document() {
        let (mut a, texts) = sample();
        a.source_profile =
            crate::analysis::meta::source::profile("https://www.foxnews.com/politics/x", &[]);
        let v = anno(&a, "http://127.0.0.1/x", &texts);
        assert_eq!(v["total"], 5);
        let items = v["first"]["items"].as_array().unwrap();
        let talk = &items[4];
        assert_eq!(talk["motivation"], "assessing");
        assert_eq!(talk["target"]["source"], "https://news.example/a");
        let body = talk["body"][0]["value"].as_str().unwrap();
        assert!(
            body.starts_with(
                "Wikipedia editors' consensus (March 2021) on Fox News (talk shows): \
                 generally unreliable. "
            ),
            "{body}"
        );
        assert!(body.ends_with("not Newsmark's, and it may have changed since."));
        assert_eq!(talk["body"][0]["rights"], outlet::RIGHTS);
        let json: Value = serde_json::from_str(&analysis_json(&a)).unwrap();
        assert_eq!(
            json["source_profile"]["reliability"][2]["scope"],
            "talk shows"
        );
    }
}
