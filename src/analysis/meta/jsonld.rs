//! JSON-LD evidence: parses every `application/ld+json` script tolerantly (HTML comments,
//! CDATA wrappers, raw control characters, trailing commas, several concatenated objects),
//! walks `@graph`s, arrays and nested objects without recursion, resolves `@id` references,
//! and pulls out the article object's fields and the publisher's name.

use crate::page::Page;
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The fields of one schema.org object that describes a creative work.
#[derive(Debug, Default, Clone)]
pub struct LdItem {
    /// The `@type` (first one when several).
    pub kind: String,
    pub headline: Option<String>,
    pub name: Option<String>,
    /// Person names; organisations are kept apart in `author_orgs`.
    pub authors: Vec<String>,
    pub author_orgs: Vec<String>,
    pub publisher: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub date_created: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
    pub keywords: Vec<String>,
    pub section: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    /// The `articleBody` text (evidence for finding the body in the page).
    pub body: Option<String>,
    /// How deep in the JSON the object sat (0 = top level or directly in @graph).
    pub depth: usize,
}

#[derive(Debug, Default, Clone)]
pub struct JsonLd {
    /// Article-like objects (NewsArticle, BlogPosting, ...), in document order.
    pub articles: Vec<LdItem>,
    /// WebPage-like objects, kept as a fallback.
    pub pages: Vec<LdItem>,
    /// The name of a WebSite object, or of an Organization that is not an author.
    pub website: Option<String>,
    pub organization: Option<String>,
    /// True when some script could not be read even tolerantly.
    pub malformed: bool,
    /// Who the JSON-LD names as publisher, copyright holder or parent organisation.
    pub parties: Vec<LdParty>,
}

/// An organisation (or person) named as publisher, copyright holder or owner, with the
/// contact details given beside it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LdParty {
    /// "publisher", "copyright holder" or "owner" (a `parentOrganization`).
    pub role: &'static str,
    pub name: Option<String>,
    pub legal_name: Option<String>,
    pub email: Option<String>,
    pub telephone: Option<String>,
}

const PARTY_KEYS: [(&str, &str); 3] = [
    ("publisher", "publisher"),
    ("copyrightHolder", "copyright holder"),
    ("parentOrganization", "owner"),
];

fn parties(
    o: &serde_json::Map<String, Value>,
    by_id: &HashMap<&str, &serde_json::Map<String, Value>>,
    out: &mut Vec<LdParty>,
) {
    for (key, role) in PARTY_KEYS {
        let list: Vec<&Value> = match o.get(key) {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
            None => continue,
        };
        for v in list {
            let p = match v {
                Value::String(s) => LdParty {
                    role,
                    name: Some(crate::text::ascii::collapse_ws(s)).filter(|s| !s.is_empty()),
                    ..Default::default()
                },
                _ => {
                    let Some(m) = resolve(v, by_id) else { continue };
                    LdParty {
                        role,
                        name: str_field(m, "name"),
                        legal_name: str_field(m, "legalName"),
                        email: str_field(m, "email"),
                        telephone: str_field(m, "telephone"),
                    }
                }
            };
            if (p.name.is_some() || p.legal_name.is_some()) && !out.contains(&p) {
                out.push(p);
            }
        }
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "discussionforumposting",
    "scholarlyarticle",
    "techarticle",
    "medicalscholarlyarticle",
    "satiricalarticle",
    "advertisercontentarticle",
    "report",
    "review",
    "creativework",
];
const PAGE_TYPES: &[&str] = &[
    "webpage",
    "itempage",
    "aboutpage",
    "profilepage",
    "collectionpage",
    "qapage",
    "faqpage",
    "videoobject",
    "recipe",
    "product",
    "event",
    "podcastepisode",
];

static TRAILING_COMMA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r",\s*([}\]])").unwrap());

/// Reads every JSON-LD script of the page.
pub fn read(page: &Page) -> JsonLd {
    let mut values = Vec::new();
    let mut malformed = false;
    for i in page.elements("script") {
        let n = &page.nodes[i];
        if !n
            .attr("type")
            .unwrap_or("")
            .to_ascii_lowercase()
            .contains("ld+json")
        {
            continue;
        }
        let Some(text) = page.nodes.get(i + 1).and_then(|t| t.text()) else {
            continue;
        };
        if page.nodes[i + 1].parent as usize != i {
            continue;
        }
        let parsed = parse_tolerant(text);
        malformed |= parsed.is_empty() && !text.trim().is_empty();
        values.extend(parsed);
    }
    let mut out = collect(&values);
    out.malformed = malformed;
    out
}

/// Parses a script body as one or more JSON values, repairing the usual breakage.
pub fn parse_tolerant(text: &str) -> Vec<Value> {
    let t = text.trim();
    if let Ok(v) = serde_json::from_str::<Value>(t) {
        return vec![v];
    }
    // Comment markers usually wrap the whole script (an old habit for hiding it from
    // ancient browsers): drop the markers, keep what they wrap.
    let mut s = t.to_string();
    for w in ["//<![CDATA[", "//]]>", "<![CDATA[", "]]>", "<!--", "-->"] {
        s = s.replace(w, " ");
    }
    // Raw control characters are only legal JSON as white space between tokens; inside a
    // string they make the whole script unreadable, and as a space they harm nothing.
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let s = TRAILING_COMMA.replace_all(s.trim().trim_end_matches(';'), "$1");
    let s = s.trim().trim_start_matches("//").trim();
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(s).into_iter::<Value>();
    for v in stream.by_ref() {
        match v {
            Ok(v) => out.push(v),
            Err(_) => break,
        }
    }
    if out.is_empty() {
        // Several objects separated by commas without a surrounding array.
        if let Ok(Value::Array(a)) = serde_json::from_str::<Value>(&format!("[{s}]")) {
            out = a;
        }
    }
    out
}

fn types_of(o: &serde_json::Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![short_type(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(short_type).collect(),
        _ => vec![],
    }
}

fn short_type(s: &str) -> String {
    s.rsplit(['/', ':', '#']).next().unwrap_or(s).to_lowercase()
}

fn collect(values: &[Value]) -> JsonLd {
    // First pass: every object with an @id, so references can be resolved.
    let mut by_id: HashMap<&str, &serde_json::Map<String, Value>> = HashMap::new();
    let mut objects: Vec<(&serde_json::Map<String, Value>, usize)> = Vec::new();
    let mut stack: Vec<(&Value, usize)> = values.iter().rev().map(|v| (v, 0)).collect();
    while let Some((v, depth)) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth))),
            Value::Object(o) => {
                if let Some(id) = o.get("@id").and_then(Value::as_str) {
                    // Keep the fullest object under one id (references are bare).
                    let e = by_id.entry(id).or_insert(o);
                    if o.len() > e.len() {
                        *e = o;
                    }
                }
                objects.push((o, depth));
                for (k, x) in o.iter().rev() {
                    let d = if k == "@graph" { depth } else { depth + 1 };
                    if matches!(x, Value::Object(_) | Value::Array(_)) {
                        stack.push((x, d));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = JsonLd::default();
    let mut seen_ids: Vec<&str> = Vec::new();
    for (o, depth) in objects {
        parties(o, &by_id, &mut out.parties);
        let types = types_of(o);
        if types.is_empty() {
            continue;
        }
        if let Some(id) = o.get("@id").and_then(Value::as_str) {
            // A reference with a type repeats an object already read.
            if o.len() <= 2 || seen_ids.contains(&id) {
                continue;
            }
            seen_ids.push(id);
        }
        let is = |list: &[&str]| types.iter().any(|t| list.contains(&t.as_str()));
        if is(ARTICLE_TYPES) {
            out.articles.push(item(o, &types, depth, &by_id));
        } else if is(PAGE_TYPES) {
            out.pages.push(item(o, &types, depth, &by_id));
        } else if is(&["website"]) && out.website.is_none() {
            out.website = str_field(o, "name");
        } else if is(&["organization", "newsmediaorganization", "corporation"])
            && out.organization.is_none()
            && depth == 0
        {
            out.organization = str_field(o, "name");
        }
    }
    out
}

fn resolve<'a>(
    v: &'a Value,
    by_id: &HashMap<&str, &'a serde_json::Map<String, Value>>,
) -> Option<&'a serde_json::Map<String, Value>> {
    let o = v.as_object()?;
    if o.len() <= 2 {
        if let Some(full) = o
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| by_id.get(id))
        {
            return Some(full);
        }
    }
    Some(o)
}

/// A text value: a string, a number, the first string of an array, or an object's @value.
fn text_value(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => return a.iter().find_map(text_value),
        Value::Object(o) => return o.get("@value").and_then(text_value),
        _ => return None,
    };
    let s = crate::text::ascii::collapse_ws(&s);
    (!s.is_empty()).then_some(s)
}

fn str_field(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    o.get(key).and_then(text_value)
}

fn item(
    o: &serde_json::Map<String, Value>,
    types: &[String],
    depth: usize,
    by_id: &HashMap<&str, &serde_json::Map<String, Value>>,
) -> LdItem {
    let mut it = LdItem {
        kind: types.first().cloned().unwrap_or_default(),
        headline: str_field(o, "headline").or_else(|| str_field(o, "alternativeHeadline")),
        name: str_field(o, "name"),
        date_published: str_field(o, "datePublished"),
        date_modified: str_field(o, "dateModified"),
        date_created: str_field(o, "dateCreated").or_else(|| str_field(o, "uploadDate")),
        description: str_field(o, "description"),
        section: str_field(o, "articleSection"),
        lang: str_field(o, "inLanguage").or_else(|| {
            o.get("inLanguage")
                .and_then(|l| resolve(l, by_id))
                .and_then(|l| str_field(l, "alternateName").or_else(|| str_field(l, "name")))
        }),
        url: str_field(o, "url"),
        body: str_field(o, "articleBody"),
        depth,
        ..Default::default()
    };
    for key in ["author", "creator"] {
        let Some(a) = o.get(key) else { continue };
        let list: Vec<&Value> = match a {
            Value::Array(v) => v.iter().collect(),
            v => vec![v],
        };
        for v in list {
            match v {
                Value::String(s) => it.authors.push(s.clone()),
                Value::Object(_) => {
                    let Some(p) = resolve(v, by_id) else { continue };
                    let name = str_field(p, "name").or_else(|| {
                        let g = str_field(p, "givenName")?;
                        Some(match str_field(p, "familyName") {
                            Some(f) => format!("{g} {f}"),
                            None => g,
                        })
                    });
                    let Some(name) = name else { continue };
                    let org = types_of(p).iter().any(|t| t.contains("organization"));
                    if org {
                        it.author_orgs.push(name);
                    } else {
                        it.authors.push(name);
                    }
                }
                _ => {}
            }
        }
        if !it.authors.is_empty() || !it.author_orgs.is_empty() {
            break;
        }
    }
    if let Some(p) = o.get("publisher").and_then(|p| match p {
        Value::Array(a) => a.first(),
        p => Some(p),
    }) {
        it.publisher = match p {
            Value::String(s) => Some(s.clone()),
            _ => resolve(p, by_id).and_then(|p| str_field(p, "name")),
        };
    }
    it.image = o
        .get("image")
        .or_else(|| o.get("thumbnailUrl"))
        .and_then(|v| {
            let v = match v {
                Value::Array(a) => a.first()?,
                v => v,
            };
            match v {
                Value::String(s) => Some(s.clone()),
                _ => resolve(v, by_id)
                    .and_then(|i| str_field(i, "url").or_else(|| str_field(i, "contentUrl"))),
            }
        });
    it.keywords = match o.get("keywords") {
        Some(Value::Array(a)) => a.iter().filter_map(text_value).collect(),
        Some(Value::String(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_string)
            .collect(),
        _ => vec![],
    };
    if it.url.is_none() {
        it.url = o.get("mainEntityOfPage").and_then(|m| match m {
            Value::String(s) => Some(s.clone()),
            _ => {
                resolve(m, by_id).and_then(|m| str_field(m, "@id").or_else(|| str_field(m, "url")))
            }
        });
    }
    it
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(text: &str) -> JsonLd {
        collect(&parse_tolerant(text))
    }

    #[test]
    fn news_article_with_nested_objects() {
        let ld = from(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"H",
            "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
            "publisher":{"@type":"Organization","name":"The Paper"},
            "datePublished":"2023-02-03T11:16:00Z","image":{"@type":"ImageObject","url":"http://x/i.jpg"},
            "keywords":"a, b"}"#,
        );
        let a = &ld.articles[0];
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.authors, vec!["Ann Lee", "Bo Chen"]);
        assert_eq!(a.publisher.as_deref(), Some("The Paper"));
        assert_eq!(a.image.as_deref(), Some("http://x/i.jpg"));
        assert_eq!(a.keywords, vec!["a", "b"]);
        assert_eq!(ld.parties[0].role, "publisher");
        assert_eq!(ld.parties[0].name.as_deref(), Some("The Paper"));
    }

    #[test]
    fn publisher_and_copyright_holder_with_contacts() {
        let ld = from(
            r#"{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Brand",
            "legalName":"Brand Holdings Ltd","email":"desk@example.org","telephone":"+1 555",
            "parentOrganization":{"@type":"Organization","name":"Parent Co"}},
            "copyrightHolder":"Brand"}"#,
        );
        let roles: Vec<(&str, Option<&str>)> = ld
            .parties
            .iter()
            .map(|p| (p.role, p.name.as_deref()))
            .collect();
        assert!(roles.contains(&("publisher", Some("Brand"))), "{roles:?}");
        assert!(
            roles.contains(&("copyright holder", Some("Brand"))),
            "{roles:?}"
        );
        assert!(roles.contains(&("owner", Some("Parent Co"))), "{roles:?}");
        let p = &ld.parties[0];
        assert_eq!(p.legal_name.as_deref(), Some("Brand Holdings Ltd"));
        assert_eq!(p.email.as_deref(), Some("desk@example.org"));
    }

    #[test]
    fn graph_with_id_references() {
        let ld = from(
            r##"{"@graph":[{"@type":"WebSite","@id":"#site","name":"Site"},
            {"@type":"Article","headline":"T","author":{"@id":"#p1"},"isPartOf":{"@id":"#site"}},
            {"@type":"Person","@id":"#p1","name":"Jo Doe"}]}"##,
        );
        assert_eq!(ld.website.as_deref(), Some("Site"));
        assert_eq!(ld.articles[0].authors, vec!["Jo Doe"]);
    }

    #[test]
    fn tolerates_malformed_scripts() {
        let v = parse_tolerant(
            "<!-- {\"@type\":\"Article\",\"headline\":\"Line\nbreak\",}\n{\"@type\":\"WebSite\",\"name\":\"S\"} -->",
        );
        assert_eq!(v.len(), 2);
        let ld = collect(&v);
        assert_eq!(ld.articles[0].headline.as_deref(), Some("Line break"));
        assert_eq!(ld.website.as_deref(), Some("S"));
        assert!(parse_tolerant("{not json").is_empty());
    }
}
