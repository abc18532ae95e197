//! Main-content detection: finds the article body in a page snapshot and joins its text into
//! one string, keeping a map from every byte of that string back to the text node it came
//! from (so a name found in the text can be highlighted in the live page).
//!
//! The scoring follows the idea that made Readability work: paragraphs of real prose vote
//! for their parent and grandparent; class names, link density and a few structural tags
//! adjust the votes. Everything is computed in two linear passes over the flat node list.

use crate::page::{Node, NodeKind, Page, NO_PARENT};
use crate::text::ascii::{contains_ci, trim_fast};
use serde::Serialize;

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

/// Class and id words that mark boilerplate, matched as whole words between white space,
/// `_` or `-` (ASCII case ignored). A trailing `*` takes any word characters after it.
const NEGATIVE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "related",
    "recommend*",
    "newsletter",
    "promo",
    "advert*",
    "ad",
    "ads",
    "sponsor*",
    "subscri*",
    "popup",
    "modal",
    "cookie",
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "tag",
    "tags",
    "taglist",
    "keywords",
    "author-bio",
    "bio",
    "banner",
    "masthead",
    "menu",
    "nav",
    "navigation",
    "outbrain",
    "taboola",
    "more-stories",
    "most-read",
    "trending",
    "read-more",
    "byline",
    "dateline",
    "caption-credit",
    "pagination",
    "skip",
    "consent",
    "gdpr",
];
/// Class and id fragments that mark content, anywhere in the value (ASCII case ignored).
const POSITIVE_PARTS: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story", "prose",
];

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '_' || c == '-'
}

/// True when a class or id value holds a boilerplate word. Hand-written rather than one
/// big regex: it runs on the class of every element near the article, and long utility
/// class lists made the regex the slowest part of the content stage.
fn negative_hint(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    let mut at = 0;
    while at <= lower.len() {
        // `at` is a word start: the value's start or just after a separator.
        let first = lower.as_bytes().get(at).copied();
        for w in NEGATIVE_WORDS {
            if w.as_bytes().first().copied() != first {
                continue;
            }
            let (stem, open) = match w.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (*w, false),
            };
            if !lower[at..].starts_with(stem) {
                continue;
            }
            let mut end = at + stem.len();
            if open {
                end += lower[end..]
                    .char_indices()
                    .find(|&(_, c)| !(c.is_alphanumeric()))
                    .map(|(i, _)| i)
                    .unwrap_or(lower.len() - end);
            }
            if lower[end..].chars().next().is_none_or(is_separator) {
                return true;
            }
        }
        // Next word start.
        match lower[at..].char_indices().find(|&(_, c)| is_separator(c)) {
            Some((i, c)) => at += i + c.len_utf8(),
            None => break,
        }
    }
    false
}

/// True when a class or id value holds a content fragment.
fn positive_hint(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    POSITIVE_PARTS.iter().any(|p| lower.contains(p))
}

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

/// What the class and id of an element say: boilerplate (negative) or content (positive).
/// Pages repeat the same few class strings on hundreds of elements, so each distinct
/// string is matched once, when first asked about.
#[derive(Default)]
struct ClassHints<'a> {
    seen: std::cell::RefCell<std::collections::HashMap<&'a str, (bool, bool, bool)>>,
}

/// Words that mark an overlay, never a layout wrapper, whatever its size.
const OVERLAY_WORDS: &[&str] = &["consent", "cookie", "gdpr"];

impl<'a> ClassHints<'a> {
    /// (boilerplate, content, overlay) hints of one class or id value.
    fn of(&self, v: &'a str) -> (bool, bool, bool) {
        *self.seen.borrow_mut().entry(v).or_insert_with(|| {
            let overlay = OVERLAY_WORDS.iter().any(|w| contains_ci(v, w));
            (negative_hint(v), positive_hint(v), overlay)
        })
    }

    /// (boilerplate, overlay) hints of an element's class or id.
    fn noise(&self, n: &'a Node) -> (bool, bool) {
        let (mut neg, mut overlay) = (false, false);
        for name in ["class", "id"] {
            if let Some(v) = n.attr(name) {
                let h = self.of(v);
                neg |= h.0;
                overlay |= h.2;
            }
        }
        (neg, overlay)
    }

    /// -25 per boilerplate hint and +25 per content hint, class and id counted apart.
    fn weight(&self, n: &'a Node) -> f32 {
        let mut w = 0.0;
        for name in ["class", "id"] {
            if let Some(v) = n.attr(name) {
                let (neg, pos, _) = self.of(v);
                if neg {
                    w -= 25.0;
                }
                if pos {
                    w += 25.0;
                }
            }
        }
        w
    }
}

fn class_weight<'a>(page: &'a Page, hints: &ClassHints<'a>, i: usize) -> f32 {
    let n = &page.nodes[i];
    let bonus = if n.attr("itemprop") == Some("articleBody") {
        50.0
    } else {
        0.0
    };
    hints.weight(n) + bonus
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

/// Characters and commas of a text node once trimmed. Byte loops: this runs on every text
/// node of the page.
fn text_stats(t: &str) -> (u32, u32) {
    let trimmed = trim_fast(t);
    let (mut chars, mut commas) = (0u32, 0u32);
    let mut wide = false;
    for &b in trimmed.as_bytes() {
        // Count characters by their first byte (UTF-8 continuation bytes are 10xxxxxx).
        chars += u32::from(b & 0xC0 != 0x80);
        commas += u32::from(b == b',');
        wide |= b >= 0x80;
    }
    if wide {
        // '，' is EF BC 8C and '、' E3 80 81 in UTF-8.
        let b = trimmed.as_bytes();
        for i in 0..b.len().saturating_sub(2) {
            let w = &b[i..i + 3];
            commas += u32::from(w == [0xEF, 0xBC, 0x8C] || w == [0xE3, 0x80, 0x81]);
        }
    }
    (chars, commas)
}

/// Appends `text` with every ASCII white-space character turned into a space (same
/// length, so offsets into the text node still hold).
fn push_spaced(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // ASCII bytes never occur inside a multi-byte character: `i` is a boundary.
        if b != b' ' && b.is_ascii_whitespace() {
            out.push_str(&text[last..i]);
            out.push(' ');
            last = i + 1;
        }
    }
    out.push_str(&text[last..]);
}

/// Picks the article container and returns its text.
pub fn extract(page: &Page) -> Article {
    extract_with(page, None)
}

/// `extract`, with the JSON-LD `articleBody` as evidence: when the page's blocks repeat
/// enough of it, the body is the element that holds those blocks.
pub fn extract_with(page: &Page, ld_body: Option<&str>) -> Article {
    let count = page.nodes.len();
    let excluded = excluded_flags(page);
    let hints = ClassHints::default();
    // Elements with a text child of some length (a div used as a paragraph).
    let mut direct_text = vec![false; count];
    for n in &page.nodes {
        if n.parent != NO_PARENT && n.text().is_some_and(|t| trim_fast(t).len() > 20) {
            direct_text[n.parent as usize] = true;
        }
    }
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
            let (chars, c) = text_stats(t);
            text_len[i] = chars;
            commas[i] = c;
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
    let mut blocks = Blocks::of(page, &excluded, &hints, &text_len);
    let (prose, quiet) = blocks.prose(page);
    // Paragraph votes go to the parent (full), grandparent (half) and great-grandparent.
    let mut score = vec![0f32; count];
    let mut candidate = vec![false; count];
    for i in 0..count {
        if excluded[i] || blocks.noisy[i] > 0 {
            continue;
        }
        let Some(tag) = page.nodes[i].tag() else {
            continue;
        };
        let para =
            matches!(tag, "p" | "pre" | "td" | "blockquote") || (tag == "div" && direct_text[i]);
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
                score[pi] += initial_score(page, &hints, pi);
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
    let from_ld = ld_body.and_then(|b| blocks.holder_of(page, b));
    let root = from_ld
        .or(best.map(|(i, _)| i))
        .map(|i| climb_by_prose(page, i, &prose, &quiet))
        .map(|i| climb_to_article(page, i, &text_len, &link_len))
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
        noise: &blocks.noise,
        text_len: &text_len,
        link_len: &link_len,
    };
    for r in roots {
        append_text(&ctx, r, &mut art);
    }
    art
}

const BOILERPLATE: u8 = 1;
const OVERLAY: u8 = 2;

/// Text counted per block element (its own text, nested blocks apart): what makes prose.
struct Blocks {
    /// The nearest block element at or above each node (NO_PARENT when none).
    block_of: Vec<u32>,
    /// Characters of own text, and of own text inside links, per block.
    own: Vec<u32>,
    own_link: Vec<u32>,
    /// Marked by its own class or id as boilerplate (`BOILERPLATE`) or as an overlay
    /// (`OVERLAY`: consent and cookie dialogs), else 0.
    noise: Vec<u8>,
    /// The strongest `noise` on the node or an ancestor.
    noisy: Vec<u8>,
}

impl Blocks {
    fn of<'a>(
        page: &'a Page,
        excluded: &[bool],
        hints: &ClassHints<'a>,
        text_len: &[u32],
    ) -> Blocks {
        // Layout wrappers carry words like "with-sidebar" or "above-footer": a hint only
        // marks boilerplate on an element that holds under half of the page's text.
        let page_text = text_len.first().copied().unwrap_or(0);
        let count = page.nodes.len();
        let mut b = Blocks {
            block_of: vec![NO_PARENT; count],
            own: vec![0; count],
            own_link: vec![0; count],
            noise: vec![0; count],
            noisy: vec![0; count],
        };
        let mut in_link = vec![false; count];
        for (i, n) in page.nodes.iter().enumerate() {
            let parent = n.parent as usize;
            let up = |v: &[u32]| {
                if n.parent == NO_PARENT {
                    NO_PARENT
                } else {
                    v[parent]
                }
            };
            let (p_link, p_noisy) = if n.parent == NO_PARENT {
                (false, 0)
            } else {
                (in_link[parent], b.noisy[parent])
            };
            match &n.kind {
                NodeKind::Element { tag, .. } => {
                    b.block_of[i] = if is_block(tag) {
                        i as u32
                    } else {
                        up(&b.block_of)
                    };
                    in_link[i] = p_link || tag == "a";
                    let (neg, overlay) = hints.noise(n);
                    let noise = neg
                        && !matches!(tag.as_str(), "html" | "body" | "main" | "article")
                        && n.attr("itemprop") != Some("articleBody");
                    b.noise[i] = match (noise, overlay) {
                        (true, true) => OVERLAY,
                        (true, false) if text_len[i] * 2 < page_text => BOILERPLATE,
                        _ => 0,
                    };
                    b.noisy[i] = p_noisy.max(b.noise[i]);
                }
                NodeKind::Text { text, .. } => {
                    let blk = up(&b.block_of);
                    if excluded[i] || blk == NO_PARENT {
                        continue;
                    }
                    let chars = text_stats(text).0;
                    b.own[blk as usize] += chars;
                    if p_link {
                        b.own_link[blk as usize] += chars;
                    }
                }
            }
        }
        b
    }

    /// Per subtree, (prose, quiet): prose is the own text of blocks that read as sentences
    /// (long enough, mostly not links), headings apart; quiet is all text; both outside
    /// boilerplate. A page whose class words would make most of its prose boilerplate uses
    /// them for layout (widget frameworks): its hints are dropped, overlays' kept.
    fn prose(&mut self, page: &Page) -> (Vec<u32>, Vec<u32>) {
        let count = page.nodes.len();
        // [prose, quiet] counted with every hint, then with overlays' only.
        let mut clean = vec![[0u32; 2]; count];
        let mut raw = vec![[0u32; 2]; count];
        for i in (0..count).rev() {
            let (own, link) = (self.own[i], self.own_link[i]);
            let heading = matches!(
                page.nodes[i].tag(),
                Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            );
            let prose = if own >= 30 && link * 2 < own && !heading {
                own - link
            } else {
                0
            };
            if self.noisy[i] < OVERLAY {
                raw[i][0] += prose;
                raw[i][1] += own;
                if self.noisy[i] == 0 {
                    clean[i][0] += prose;
                    clean[i][1] += own;
                }
            }
            let p = page.nodes[i].parent;
            if p != NO_PARENT {
                for k in 0..2 {
                    raw[p as usize][k] += raw[i][k];
                    clean[p as usize][k] += clean[i][k];
                }
            }
        }
        let total = |v: &[[u32; 2]]| v.first().map_or(0, |t| t[0]);
        let chosen = if total(&clean) * 3 < total(&raw) {
            for v in self.noise.iter_mut().chain(self.noisy.iter_mut()) {
                *v &= OVERLAY;
            }
            raw
        } else {
            clean
        };
        chosen.into_iter().map(|[p, q]| (p, q)).unzip()
    }

    /// The deepest element holding nine tenths of the page text that `body` repeats, when
    /// the page repeats a good part of it.
    fn holder_of(&self, page: &Page, body: &str) -> Option<usize> {
        let body = folded(body);
        if body.len() < 200 {
            return None;
        }
        let count = page.nodes.len();
        let mut hits = vec![0u32; count];
        // Runs of text of one block, folded; a run whose start the body contains counts.
        let mut run = String::new();
        let mut run_block = NO_PARENT;
        let flush = |run: &mut String, blk: u32, hits: &mut Vec<u32>| {
            if blk != NO_PARENT && run.len() >= 25 {
                let mut cut = run.len().min(60);
                while !run.is_char_boundary(cut) {
                    cut -= 1;
                }
                if body.contains(&run[..cut]) {
                    hits[blk as usize] += run.len() as u32;
                }
            }
            run.clear();
        };
        for n in &page.nodes {
            let Some(t) = n.text() else { continue };
            let blk = if n.parent == NO_PARENT {
                NO_PARENT
            } else {
                self.block_of[n.parent as usize]
            };
            if blk == NO_PARENT || page.nodes[n.parent as usize].is_element("script") {
                continue;
            }
            if blk != run_block {
                flush(&mut run, run_block, &mut hits);
                run_block = blk;
            }
            fold_into(&mut run, t);
        }
        flush(&mut run, run_block, &mut hits);
        for i in (0..count).rev() {
            let p = page.nodes[i].parent;
            if p != NO_PARENT {
                hits[p as usize] += hits[i];
            }
        }
        let total = *hits.iter().max()?;
        if (total as usize) * 4 < body.len() {
            return None;
        }
        let need = total - total / 10;
        (0..count)
            .filter(|&i| hits[i] >= need)
            .max_by_key(|&i| page.nodes[i].depth)
    }
}

/// Letters and digits only, lower-cased: what survives any markup or spacing change.
fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

fn fold_into(out: &mut String, s: &str) {
    out.extend(
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .map(|c| c.to_ascii_lowercase()),
    );
}

/// A body split into many wrapped blocks gives each wrapper a few votes, and the winner
/// holds one paragraph. Climb to the ancestor whose extra text is mostly more prose.
fn climb_by_prose(page: &Page, r: usize, prose: &[u32], quiet: &[u32]) -> usize {
    let other = |i: usize| quiet[i] - prose[i];
    let mut best = r;
    for a in page.ancestors(r) {
        let gain = prose[a] - prose[best];
        let cost = other(a) - other(best).min(other(a));
        if gain > cost * 2 && gain * 5 > prose[best] {
            best = a;
        }
        if page.nodes[a].is_element("body") {
            break;
        }
    }
    best
}

struct Ctx<'a> {
    page: &'a Page,
    excluded: &'a [bool],
    noise: &'a [u8],
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

fn initial_score<'a>(page: &'a Page, hints: &ClassHints<'a>, i: usize) -> f32 {
    let base = match page.nodes[i].tag().unwrap_or("") {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(page, hints, i)
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
                if need_break && !trim_fast(&art.text).is_empty() && !trim_fast(text).is_empty() {
                    art.text.push_str("\n\n");
                    need_break = false;
                }
                let start = art.text.len();
                push_spaced(&mut art.text, text);
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
    if ctx.noise[i] > 0 {
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
    use crate::page::html::read_html;

    #[test]
    fn text_stats_agree_with_trim_and_count() {
        for t in [
            "",
            "  ",
            " a, b ",
            "\u{a0}x,\u{3000}",
            "\u{b}é,，、\u{85}",
            "\t\n日本、語 ",
        ] {
            let tr = t.trim();
            assert_eq!(trim_fast(t), tr, "{t:?}");
            let want = (
                tr.chars().count() as u32,
                tr.matches([',', '，', '、']).count() as u32,
            );
            assert_eq!(text_stats(t), want, "{t:?}");
        }
        let mut s = String::new();
        push_spaced(&mut s, "a\tb\r\nc\u{a0}d\u{c}");
        assert_eq!(s, "a b  c\u{a0}d ");
    }

    /// The word lists say what these regexes said, more cheaply.
    #[test]
    fn class_hints_match_the_patterns_they_replace() {
        let neg = crate::text::pattern::regex(r"(?i)(^|[\s_-])(comment|comments|share|sharing|social|related|recommend\w*|newsletter|promo|advert\w*|ads?|sponsor\w*|subscri\w*|popup|modal|cookie|footer|sidebar|breadcrumbs?|tags?|taglist|keywords|author-bio|bio|banner|masthead|menu|nav|navigation|outbrain|taboola|more-stories|most-read|trending|read-more|byline|dateline|caption-credit|pagination|skip|consent|gdpr)($|[\s_-])").unwrap();
        let pos = crate::text::pattern::regex(
            r"(?i)(article|body|content|entry|main|page|post|text|blog|story|prose|rich-text)",
        )
        .unwrap();
        let samples = [
            "",
            "ad",
            "ads",
            "adsx",
            "x-ad",
            "x_ad y",
            "head",
            "Advertisement",
            "advertorial:x",
            "recommended_box",
            "recommendé",
            "RecommendX-y",
            "most-read",
            "most read",
            "mostread",
            "more-stories",
            "more_stories",
            "read-more-link",
            "author-bio",
            "authorbio",
            "bio-",
            "-nav-",
            "navbar",
            "site-nav",
            "NAV",
            "tags",
            "tagsx",
            "taglist",
            "skip-link",
            "skipper",
            "caption-credit",
            "caption credit",
            "subscriber",
            "subscribe-now",
            "sponsored",
            "footer\u{a0}x",
            "article-body",
            "ArticleBody",
            "main",
            "rich-text",
            "blogpost",
            "storyline",
            "x",
            "comments-count",
            "share_bar",
            "socials",
            "col-md-8 text-center",
            "\u{e9}nav",
            "ad\u{e9}",
            "nav\u{3000}menu",
        ];
        for v in samples {
            assert_eq!(negative_hint(v), neg.is_match(v), "negative {v:?}");
            assert_eq!(positive_hint(v), pos.is_match(v), "positive {v:?}");
        }
    }

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

    fn fixture(name: &str) -> Page {
        let path = format!(
            "{}/tests/fixtures/content/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        read_html(&std::fs::read_to_string(path).unwrap(), "")
    }

    /// Paragraphs each wrapped four deep, between ad slots and a heading: all of them
    /// are kept, the consent overlay and the related link are not.
    #[test]
    fn keeps_a_body_split_into_wrapped_blocks() {
        let a = extract(&fixture("split-body.html"));
        for want in [
            "third attempt",
            "rejected by ministers",
            "What comes next",
            "additional allocation",
        ] {
            assert!(a.text.contains(want), "{want}: {:?}", a.text);
        }
        assert!(!a.text.contains("cookies"), "{:?}", a.text);
        assert!(!a.text.contains("Read more"), "{:?}", a.text);
        assert!(!a.text.contains("Home"), "{:?}", a.text);
    }

    /// The JSON-LD articleBody keeps the body even where another block wins the vote.
    #[test]
    fn article_body_locates_the_body() {
        let body =
            "The council voted on Tuesday to close the old bridge for repairs over the summer. \
            Residents will use a ferry until the work ends, the mayor said in a statement. \
            The repairs will cost about four million, paid from the regional budget this year.";
        let html = format!(
            r#"<body><div class="x"><p>{}</p></div><div class="y"><p>An unrelated essay, with commas, many commas, and, yes, more commas, to win, the vote, easily, here, again, and again, and again.</p><p>More of it, with commas, and words, and commas, and words, and, commas, for good measure.</p></div></body>"#,
            body
        );
        let a = extract_with(&read_html(&html, ""), Some(body));
        assert!(a.text.contains("old bridge"), "{:?}", a.text);
    }

    /// A layout wrapper named for its sidebar still holds the article.
    #[test]
    fn layout_wrappers_with_boilerplate_words_keep_the_body() {
        let p = read_html(
            r#"<body><div class="container with-sidebar-right"><div class="entry">
            <p>First paragraph of the story, which is long enough to count as prose here.</p>
            <p>Second paragraph, with commas, and more words, so it wins the vote.</p></div>
            <div class="sidebar"><p>Short aside.</p></div></div></body>"#,
            "",
        );
        let a = extract(&p);
        assert!(a.text.contains("First paragraph") && a.text.contains("Second paragraph"));
        assert!(!a.text.contains("Short aside"));
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
