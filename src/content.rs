//! Main-content detection: finds the article body in a page snapshot and joins its text into
//! one string, keeping a map from every byte of that string back to the text node it came
//! from (so a name found in the text can be highlighted in the live page).
//!
//! The scoring follows the idea that made Readability work: paragraphs of real prose vote
//! for their parent and grandparent; class names, link density and a few structural tags
//! adjust the votes. Everything is computed in two linear passes over the flat node list.

use crate::page::{NodeKind, Page, NO_PARENT};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Main text: text nodes' own characters (ASCII white space mapped to ' '), blocks
    /// separated by "\n\n".
    pub text: String,
    /// One entry per text node copied into `text`, in order.
    pub segments: Vec<Segment>,
    /// The snapshot node chosen as the article's container, if any.
    pub root: Option<usize>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Segment {
    /// Byte offset in `Article::text` where this node's text starts.
    pub start: usize,
    pub len: usize,
    /// The text node's handle number in the DOM layer.
    pub dom_index: u32,
}

/// Block-level tags: text on either side of one of these is a separate paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "form",
    "address",
    "body",
];

/// Never article text, wherever they are.
const BOILERPLATE_TAGS: &[&str] = &["head", "nav", "aside", "footer", "form", "menu", "dialog"];

static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)(^|[\s_-])(comment|comments|share|sharing|social|related|recommend\w*|newsletter|promo|advert\w*|ads?|sponsor\w*|subscri\w*|popup|modal|cookie|footer|sidebar|breadcrumbs?|tags?|taglist|keywords|author-bio|bio|widget|banner|masthead|menu|nav|navigation|outbrain|taboola|more-stories|most-read|trending|read-more|byline|dateline|caption-credit|pagination|skip)($|[\s_-])",
    )
    .unwrap()
});
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)(article|body|content|entry|main|page|post|text|blog|story|prose|rich-text)",
    )
    .unwrap()
});

pub fn is_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

impl Article {
    /// Maps a byte range of `text` to (dom_index, start, end) ranges inside text nodes.
    pub fn locate(&self, start: usize, end: usize) -> Vec<(u32, usize, usize)> {
        let first = self.segments.partition_point(|s| s.start + s.len <= start);
        let mut out = Vec::new();
        for s in &self.segments[first..] {
            if s.start >= end {
                break;
            }
            let a = start.max(s.start) - s.start;
            let b = end.min(s.start + s.len) - s.start;
            if a < b {
                out.push((s.dom_index, a, b));
            }
        }
        out
    }
}

fn class_weight(page: &Page, i: usize) -> f32 {
    let n = &page.nodes[i];
    let mut w = 0.0;
    for name in ["class", "id"] {
        if let Some(v) = n.attr(name) {
            if NEGATIVE.is_match(v) {
                w -= 25.0;
            }
            if POSITIVE.is_match(v) {
                w += 25.0;
            }
        }
    }
    if n.attr("itemprop") == Some("articleBody") {
        w += 50.0;
    }
    w
}

/// Nodes that are never part of the article: boilerplate tags, hidden subtrees, JSON-LD.
fn excluded_flags(page: &Page) -> Vec<bool> {
    let mut ex = vec![false; page.nodes.len()];
    for (i, n) in page.nodes.iter().enumerate() {
        let parent_ex = n.parent != NO_PARENT && ex[n.parent as usize];
        ex[i] = parent_ex
            || match &n.kind {
                NodeKind::Element { tag, .. } => {
                    BOILERPLATE_TAGS.contains(&tag.as_str())
                        || tag == "script"
                        || n.attr("hidden").is_some()
                        || n.attr("aria-hidden") == Some("true")
                        || matches!(
                            n.attr("role"),
                            Some("navigation" | "complementary" | "banner" | "contentinfo")
                        )
                }
                NodeKind::Text { .. } => false,
            };
    }
    ex
}

/// Picks the article container and returns its text.
pub fn extract(page: &Page) -> Article {
    let count = page.nodes.len();
    let excluded = excluded_flags(page);
    // Reverse pass: text and link-text lengths and commas of every subtree.
    let mut text_len = vec![0u32; count];
    let mut link_len = vec![0u32; count];
    let mut commas = vec![0u32; count];
    for i in (0..count).rev() {
        if excluded[i] {
            continue;
        }
        let n = &page.nodes[i];
        if let Some(t) = n.text() {
            let trimmed = t.trim();
            text_len[i] = trimmed.chars().count() as u32;
            commas[i] = trimmed.matches([',', '，', '、']).count() as u32;
        }
        if n.is_element("a") {
            link_len[i] = text_len[i];
        }
        if n.parent != NO_PARENT {
            let p = n.parent as usize;
            text_len[p] += text_len[i];
            link_len[p] += link_len[i];
            commas[p] += commas[i];
        }
    }
    // Paragraph votes go to the parent (full), grandparent (half) and great-grandparent.
    let mut score = vec![0f32; count];
    let mut candidate = vec![false; count];
    for i in 0..count {
        if excluded[i] {
            continue;
        }
        let Some(tag) = page.nodes[i].tag() else {
            continue;
        };
        let para = matches!(tag, "p" | "pre" | "td" | "blockquote")
            || (tag == "div" && has_direct_text(page, i));
        if !para || text_len[i] < 25 {
            continue;
        }
        let density = link_len[i] as f32 / text_len[i].max(1) as f32;
        if density > 0.5 {
            continue;
        }
        let vote = 1.0 + commas[i] as f32 + (text_len[i] as f32 / 100.0).min(3.0);
        let mut p = page.nodes[i].parent;
        for div in [1.0, 2.0, 3.0] {
            if p == NO_PARENT {
                break;
            }
            let pi = p as usize;
            if !candidate[pi] {
                candidate[pi] = true;
                score[pi] += initial_score(page, pi);
            }
            score[pi] += vote / div;
            p = page.nodes[pi].parent;
        }
    }
    let mut best: Option<(usize, f32)> = None;
    for i in 0..count {
        if !candidate[i] || excluded[i] {
            continue;
        }
        let density = link_len[i] as f32 / text_len[i].max(1) as f32;
        let s = score[i] * (1.0 - density);
        if best.map(|(_, b)| s > b).unwrap_or(true) {
            best = Some((i, s));
        }
    }
    let root = best
        .map(|(i, _)| climb_to_article(page, i, &text_len, &link_len))
        .or_else(|| page.elements("body").next());
    let mut art = Article {
        root,
        ..Default::default()
    };
    let Some(r) = root else { return art };
    let roots = with_siblings(page, r, &score, &candidate, &text_len, &link_len);
    let ctx = Ctx {
        page,
        excluded: &excluded,
        text_len: &text_len,
        link_len: &link_len,
    };
    for r in roots {
        append_text(&ctx, r, &mut art);
    }
    art
}

struct Ctx<'a> {
    page: &'a Page,
    excluded: &'a [bool],
    text_len: &'a [u32],
    link_len: &'a [u32],
}

/// A body chosen inside an `<article>` (or an Article item) leaves out the headline and
/// lead that sit beside it; climb to that container when it adds little else.
fn climb_to_article(page: &Page, r: usize, text_len: &[u32], link_len: &[u32]) -> usize {
    let own = (text_len[r] - link_len[r]) as f32;
    for a in page.ancestors(r) {
        let n = &page.nodes[a];
        let is_article = n.is_element("article")
            || n.is_element("main")
            || n.attr("itemtype")
                .map(|t| t.contains("Article") || t.contains("BlogPosting"))
                .unwrap_or(false);
        if is_article {
            let total = (text_len[a] - link_len[a]) as f32;
            return if total <= own * 1.6 + 400.0 { a } else { r };
        }
        if n.is_element("body") {
            break;
        }
    }
    r
}

fn initial_score(page: &Page, i: usize) -> f32 {
    let base = match page.nodes[i].tag().unwrap_or("") {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(page, i)
}

fn has_direct_text(page: &Page, i: usize) -> bool {
    let end = page.subtree_end(i);
    let d = page.nodes[i].depth;
    page.nodes[i + 1..end]
        .iter()
        .any(|n| n.depth == d + 1 && n.text().map(|t| t.trim().len() > 20).unwrap_or(false))
}

/// The top candidate plus siblings that look like more of the same article (split bodies).
fn with_siblings(
    page: &Page,
    r: usize,
    score: &[f32],
    cand: &[bool],
    text_len: &[u32],
    link_len: &[u32],
) -> Vec<usize> {
    let parent = page.nodes[r].parent;
    if parent == NO_PARENT {
        return vec![r];
    }
    let threshold = (score[r] * 0.2).max(10.0);
    let p = parent as usize;
    let end = page.subtree_end(p);
    let depth = page.nodes[r].depth;
    let mut out = Vec::new();
    for i in p + 1..end {
        if page.nodes[i].depth != depth {
            continue;
        }
        if i == r {
            out.push(i);
            continue;
        }
        let density = link_len[i] as f32 / text_len[i].max(1) as f32;
        let good_para = page.nodes[i].is_element("p") && text_len[i] > 80 && density < 0.25;
        if (cand[i] && score[i] >= threshold && density < 0.3) || good_para {
            out.push(i);
        }
    }
    out
}

/// Appends the text of the subtree at `r`, skipping boilerplate inside the article too
/// (share bars, tag lists, related links, hidden parts).
fn append_text(ctx: &Ctx, r: usize, art: &mut Article) {
    let page = ctx.page;
    let end = page.subtree_end(r);
    let mut need_break = !art.text.is_empty();
    let mut i = r;
    while i < end {
        let n = &page.nodes[i];
        if ctx.excluded[i] || (i != r && skip_inside(ctx, i)) {
            i = page.subtree_end(i);
            need_break = true;
            continue;
        }
        match &n.kind {
            NodeKind::Element { tag, .. } => {
                if is_block(tag) {
                    need_break = true;
                }
            }
            NodeKind::Text { text, dom_index } => {
                if need_break && !art.text.trim().is_empty() && !text.trim().is_empty() {
                    art.text.push_str("\n\n");
                    need_break = false;
                }
                let start = art.text.len();
                art.text.extend(
                    text.chars()
                        .map(|c| if c.is_ascii_whitespace() { ' ' } else { c }),
                );
                art.segments.push(Segment {
                    start,
                    len: text.len(),
                    dom_index: *dom_index,
                });
            }
        }
        i += 1;
    }
}

fn skip_inside(ctx: &Ctx, i: usize) -> bool {
    let n = &ctx.page.nodes[i];
    let Some(tag) = n.tag() else { return false };
    let negative = ["class", "id"]
        .iter()
        .any(|a| n.attr(a).map(|v| NEGATIVE.is_match(v)).unwrap_or(false))
        && n.attr("itemprop") != Some("articleBody");
    if negative {
        return true;
    }
    // Lists and blocks that are mostly links: related stories, tag clouds.
    let t = ctx.text_len[i];
    t > 0
        && matches!(tag, "ul" | "ol" | "div" | "section" | "p")
        && ctx.link_len[i] as f32 / t as f32 > 0.6
}

#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;
    use crate::html::read_html;

    #[test]
    fn picks_article_body_and_skips_boilerplate() {
        let p = read_html(
            r#"<html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
            <div class="sidebar"><p>Most read: something else entirely, with commas, many.</p></div>
            <div class="story"><h1>Headline</h1>
              <p>First paragraph of the story, which is long enough to count as prose here.</p>
              <p>Second paragraph, with commas, and more words, so it wins the vote.</p>
              <ul class="tags"><li><a href="/t/a">Tag A</a></li><li><a href="/t/b">Tag B</a></li></ul>
            </div><footer>Copyright</footer></body></html>"#,
            "",
        );
        let a = extract(&p);
        assert!(a.text.trim_start().starts_with("Headline"), "{:?}", a.text);
        assert!(a.text.contains("\n\nFirst paragraph"));
        assert!(a.text.contains("Second paragraph"));
        assert!(!a.text.contains("Tag A"));
        assert!(!a.text.contains("Most read"));
        assert!(!a.text.contains("Copyright"));
    }

    #[test]
    fn locate_maps_back_to_text_nodes() {
        let p = read_html("<body><article><p>Hello <b>Vladimir Putin</b> said, at length, many things here.</p></article></body>", "");
        let a = extract(&p);
        let at = a.text.find("Putin").unwrap();
        let spans = a.locate(at - 9, at + 5);
        assert_eq!(spans.len(), 1);
        let (dom, s, e) = spans[0];
        let node = p.nodes.iter().find_map(|n| match &n.kind {
            NodeKind::Text { text, dom_index } if *dom_index == dom => Some(text.clone()),
            _ => None,
        });
        assert_eq!(&node.unwrap()[s..e], "Vladimir Putin");
    }

    #[test]
    fn seed_sample_text_is_the_article() {
        let src = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/samples/sputnik-blinken.html"
        ))
        .unwrap();
        let a = extract(&read_html(&src, ""));
        assert!(a
            .text
            .contains("US Secretary of State Antony Blinken has urged"));
        assert!(a.text.contains("Russian President Vladimir Putin"));
        assert!(
            !a.text.contains("Riyad Maliki"),
            "tag list leaked into the text"
        );
        assert!(!a.text.contains("Scholz"), "sidebar leaked into the text");
        assert!(!a.text.contains("feedback@"), "footer leaked into the text");
    }
}
