//! The publisher as the page names itself: publisher, copyright holder, owner (a parent
//! organisation or the legal entity behind the brand) and contact details, from JSON-LD
//! (through `jsonld`), microdata, and the page footer's copyright line and mailto:/tel:
//! links. Each item says where it was found; nothing is inferred beyond what is written.

use crate::analysis::meta::jsonld;
use crate::analysis::meta::microdata;
use crate::page::{Page, NO_PARENT};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// "publisher", "copyright holder", "owner" or "contact".
    pub role: &'static str,
    pub value: String,
    /// Where the page says it ("JSON-LD publisher legalName", "page footer").
    pub evidence: String,
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)(?:\s*©)?\s*(?:\d{4}(?:\s*[-–—]\s*\d{2,4})?\s*,?\s*)?(?:by\s+)?([A-Z\x{C0}-\x{DE}][^|·•\n]{1,80}?)\s*(?:[.|·•]|[Aa]ll [Rr]ights|ALL RIGHTS|$)",
    )
    .unwrap()
});

/// Whether `t` holds one of the marks `COPYRIGHT` needs: the regex runs only on those.
pub fn may_hold_copyright(t: &str) -> bool {
    t.contains('©')
        || t.contains("(c)")
        || t.contains("(C)")
        || crate::text::ascii::contains_ci(t, "copyright")
}

fn push(out: &mut Vec<Named>, role: &'static str, value: &str, evidence: String) {
    let value = crate::text::ascii::collapse_ws(value);
    let value = value.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    if value.is_empty() || value.chars().count() > 120 {
        return;
    }
    if !out
        .iter()
        .any(|n| n.role == role && n.value.eq_ignore_ascii_case(value))
    {
        out.push(Named {
            role,
            value: value.to_string(),
            evidence,
        });
    }
}

/// Elements that are the page's footer, or inside it.
fn footer_flags(page: &Page) -> Vec<bool> {
    let mut f = vec![false; page.nodes.len()];
    for (i, n) in page.nodes.iter().enumerate() {
        let inherited = n.parent != NO_PARENT && f.get(n.parent as usize).copied().unwrap_or(false);
        f[i] = inherited
            || n.is_element("footer")
            || n.attr("role") == Some("contentinfo")
            || page.hints(i) & crate::page::hint::FOOTER != 0;
    }
    f
}

pub fn find(page: &Page, ld: &jsonld::JsonLd, props: &[microdata::Prop]) -> Vec<Named> {
    let mut out = Vec::new();
    for p in &ld.parties {
        let src = format!("JSON-LD {}", p.role);
        if let Some(n) = &p.name {
            push(&mut out, p.role, n, format!("{src} name"));
        }
        if let Some(l) = &p.legal_name {
            // The legal name of a publisher is the company behind the brand.
            let role = if p.role == "publisher" {
                "owner"
            } else {
                p.role
            };
            push(&mut out, role, l, format!("{src} legalName"));
        }
        for c in [&p.email, &p.telephone].into_iter().flatten() {
            push(&mut out, "contact", c, format!("{src} contact"));
        }
    }
    for prop in props {
        let holder = prop
            .item
            .and_then(|i| page.nodes[i].attr("itemprop"))
            .map(str::to_ascii_lowercase);
        let role = match holder.as_deref() {
            Some(h) if h.contains("publisher") => "publisher",
            Some(h) if h.contains("copyrightholder") => "copyright holder",
            Some(h) if h.contains("parentorganization") => "owner",
            _ => continue,
        };
        match prop.name.as_str() {
            "legalname" => push(
                &mut out,
                "owner",
                &prop.value,
                format!("microdata {role} legalName"),
            ),
            "email" | "telephone" => push(
                &mut out,
                "contact",
                &prop.value,
                format!("microdata {role} contact"),
            ),
            _ => {}
        }
    }
    let footer = footer_flags(page);
    for (i, n) in page.nodes.iter().enumerate() {
        if !footer[i] {
            continue;
        }
        if let Some(href) = n.attr("href").filter(|_| n.is_element("a")) {
            let lower = href.to_ascii_lowercase();
            for scheme in ["mailto:", "tel:"] {
                if let Some(v) = lower.strip_prefix(scheme) {
                    let v = &href[href.len() - v.len()..];
                    let v = v.split('?').next().unwrap_or(v);
                    push(&mut out, "contact", v, "page footer link".into());
                }
            }
        }
        if let Some(t) = n.text().filter(|t| may_hold_copyright(t)) {
            if let Some(c) = COPYRIGHT.captures(t).and_then(|c| c.get(1)) {
                push(
                    &mut out,
                    "copyright holder",
                    c.as_str(),
                    "page footer copyright line".into(),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (tag, attributes, text, parent index)
    type Spec<'a> = (&'a str, Vec<(&'a str, &'a str)>, Option<&'a str>, u32);

    fn page(html: &[Spec]) -> Page {
        let mut p = Page::new("https://example.org/a");
        for (tag, attrs, text, parent) in html {
            let a = attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let e = p.push_element(*parent, tag, a);
            if let Some(t) = text {
                p.push_text(e, t.to_string(), 0);
            }
        }
        p
    }

    #[test]
    fn footer_copyright_and_links() {
        let p = page(&[
            ("body", vec![], None, NO_PARENT),
            ("figcaption", vec![], Some("© AP Photo"), 0),
            ("footer", vec![], None, 0),
            (
                "div",
                vec![],
                Some("© 2023 Example Media Group. All rights reserved."),
                3,
            ),
            (
                "a",
                vec![("href", "mailto:desk@example.org?subject=hi")],
                Some("Write"),
                3,
            ),
        ]);
        let n = find(&p, &jsonld::JsonLd::default(), &microdata::read(&p));
        let got: Vec<(&str, &str)> = n.iter().map(|n| (n.role, n.value.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("copyright holder", "Example Media Group"),
                ("contact", "desk@example.org")
            ]
        );
    }

    #[test]
    fn json_ld_publisher_legal_name_is_the_owner() {
        let ld = jsonld::JsonLd {
            parties: vec![jsonld::LdParty {
                role: "publisher",
                name: Some("Brand".into()),
                legal_name: Some("Brand Holdings".into()),
                email: Some("a@b.org".into()),
                telephone: None,
            }],
            ..Default::default()
        };
        let n = find(&Page::new("https://x.org/"), &ld, &[]);
        let got: Vec<(&str, &str)> = n.iter().map(|n| (n.role, n.value.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("publisher", "Brand"),
                ("owner", "Brand Holdings"),
                ("contact", "a@b.org")
            ]
        );
    }
}
