//! Direct quotations in the article text, with their speakers, attributed the way a reader
//! does: the speaker named next to a speech verb in the quote's sentence ("…," Blinken
//! said; said Blinken; according to Blinken; Blinken told reporters: "…"), else in the
//! sentence just before it; "he" / "she" back to the last person of that gender named as a
//! subject; "the minister" to the one official of that role, "the force" to the last
//! police force named; a quotation over several paragraphs keeps its speaker.
//! Organisations and countries speak too ("the Treasury has said", "Israel argued"). A
//! speaker the text does not give stays unknown: nothing is guessed.

use crate::analysis::context::named::Named;
use crate::text::names::is_org_word;
use crate::text::scan::WordStart;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    pub text: String,
    /// The speaker's canonical name (a person's equals its `people` / `officials` entry).
    pub speaker: Option<String>,
    /// "person" or "organisation" when the speaker is known.
    pub speaker_kind: Option<&'static str>,
    /// Index of the speaker in the list handed to `extract` (from `speakers`: people first,
    /// in `People::people` order, then organisations, then countries).
    #[serde(skip)]
    pub speaker_index: Option<usize>,
    /// How the speaker was found: "named", "pronoun", "role", "context", or "" when unknown.
    pub attribution: &'static str,
    /// Byte range of the quoted words (without the marks) in the text.
    pub span: (usize, usize),
}

/// Someone or something the quotes may be attributed to.
pub struct Speaker<'a> {
    pub name: &'a str,
    /// Role words as the text gives them ("foreign minister"), if an official.
    pub role: Option<&'a str>,
    /// Byte ranges of every mention in the text.
    pub spans: &'a [(usize, usize)],
    /// An organisation or a country rather than a person.
    pub organisation: bool,
    /// An organisation's kind ("government", "media", "country"...), else "".
    pub kind: &'a str,
}

/// The speakers of an analysis: every person (with the role of the official of the same
/// name), then the organisations, then the countries (a state speaks through its
/// government: "Israel said"). Cities do not speak.
pub fn speakers<'a>(
    found: &'a crate::analysis::people::People,
    orgs: &'a [Named],
    places: &'a [Named],
) -> Vec<Speaker<'a>> {
    let people = found.people.iter().map(|p| Speaker {
        name: &p.name,
        role: found
            .officials
            .iter()
            .find(|o| o.name == p.name)
            .map(|o| o.role.as_str()),
        spans: &p.spans,
        organisation: false,
        kind: "",
    });
    let named = orgs
        .iter()
        .chain(places.iter().filter(|p| p.kind == "country"))
        .map(|o| Speaker {
            name: &o.name,
            role: None,
            spans: &o.spans,
            organisation: true,
            kind: &o.kind,
        });
    people.chain(named).collect()
}

const VERBS: &str = r"(?:said|says|say|saying|told|tells|noted|notes|stressed|stresses|added|adds|stated|states|recalled|recalls|suggested|suggests|warned|warns|explained|explains|argued|argues|claimed|claims|insisted|insists|wrote|writes|tweeted|posted|asked|asks|answered|replied|declared|declares|announced|announces|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|went on saying|went on to say|continued|remarked|commented|comments|urged|urges|acknowledged|admitted|conceded|observed|described|describes|called|labell?ed|according to|shared|shares|asserted|asserts|reflected|reflects|summari[sz]ed|summari[sz]es|cautioned|reported|reports|revealed|confirmed|recounted|recounts|joked|quipped|predicted|believes|hopes|fears|suspects|concluded|complained|agreed|pledged|vowed|promised|boasted|mused)";

static VERB: LazyLock<WordStart> = LazyLock::new(|| {
    let prefixes = verb_prefixes();
    let prefixes: Vec<&str> = prefixes.iter().map(String::as_str).collect();
    WordStart::new(&format!(r"(?i)\b{VERBS}\b"), &prefixes, true, false)
});

/// The literal beginning of each verb of `VERBS` (letters up to the first pattern sign).
fn verb_prefixes() -> Vec<String> {
    let inner = VERBS.trim_start_matches("(?:").trim_end_matches(')');
    inner
        .split('|')
        .map(|alt| {
            alt.chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect()
        })
        .collect()
}

/// A quoted passage: mark start, words start, words end, end of the closing mark; `open`
/// when it opens a paragraph and runs on into the next one (no closing mark in its own).
#[derive(Debug, Clone, Copy)]
struct Marked {
    mark: usize,
    s: usize,
    e: usize,
    after: usize,
    open: bool,
}

/// A single opening mark `‘` starts a quote only before a word and after a non-letter
/// (not the apostrophe of "’90s" or "rock ‘n’ roll" inside a word).
fn single_opens(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 3..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_some_and(|c| c.is_alphanumeric())
}

/// The closing mark for an opening one: its position in `text[start..limit]`.
fn closing(text: &str, start: usize, limit: usize, open: char) -> Option<usize> {
    let inner = &text[start..limit];
    match open {
        '"' | '\u{201C}' => inner.find(['"', '\u{201D}']),
        '\u{201E}' => inner.find(['\u{201C}', '\u{201D}']),
        '\u{00AB}' => inner.find('\u{00BB}'),
        // `’` also writes apostrophes ("don’t"): a closing one is not followed by a letter.
        _ => inner.match_indices('\u{2019}').map(|(p, _)| p).find(|&p| {
            inner[p + 3..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        }),
    }
}

/// Finds quoted passages, in text order.
fn quoted(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        // Only `"` and the lead bytes of the curly and angle quotes can open a quote.
        if !matches!(bytes[i], b'"' | 0xC2 | 0xE2) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let opens = match c {
            '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}' => true,
            '\u{2018}' => single_opens(text, i),
            _ => false,
        };
        let open_len = c.len_utf8();
        if !opens {
            i += open_len;
            continue;
        }
        let start = i + open_len;
        // A quote stays inside its paragraph and is not a book.
        let para_end = text[start..]
            .find('\n')
            .map(|p| start + p)
            .unwrap_or(text.len());
        let mut limit = para_end.min(start + 1500);
        // The length cap may fall inside a character of a non-Latin script.
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        if let Some(rel) = closing(text, start, limit, c) {
            let end = start + rel;
            let after = end + text[end..].chars().next().map_or(1, char::len_utf8);
            out.push(Marked {
                mark: i,
                s: start,
                e: end,
                after,
                open: false,
            });
            i = after;
            continue;
        }
        // A quotation over several paragraphs has no closing mark until its last one.
        let para_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
        let lead = text[para_start..i].trim_end();
        if limit == para_end && (lead.is_empty() || lead.ends_with([':', ','])) {
            let e = start + text[start..para_end].trim_end().len();
            out.push(Marked {
                mark: i,
                s: start,
                e,
                after: e,
                open: true,
            });
            i = para_end;
            continue;
        }
        i += open_len;
    }
    out
}

fn sentence_bounds(text: &str, s: usize, e: usize) -> (usize, usize) {
    // Scans stop at the nearest break: a `find` of a break the text lacks would read to
    // the end of the text for every verb and quote.
    let b = text.as_bytes();
    let stop = |c: u8| c == b'.' || c == b'?' || c == b'!';
    // Start: just after the last "\n", ". ", "? " or "! " wholly before `s`.
    let mut a = 0;
    let mut i = s.min(b.len());
    while i > 0 {
        i -= 1;
        if b[i] == b'\n' {
            a = i + 1;
            break;
        }
        if b[i] == b' ' && i > 0 && stop(b[i - 1]) {
            a = i + 1;
            break;
        }
    }
    // End: one past the first ". ", ".\n", "? ", "! " or "\n" at or after `e`. The sentence
    // goes on past the closing mark: `"…," he said.`
    let mut z = text.len();
    let mut j = e.min(b.len());
    while j < b.len() {
        let next = b.get(j + 1).copied();
        if b[j] == b'\n'
            || (b[j] == b'.' && matches!(next, Some(b' ' | b'\n')))
            || ((b[j] == b'?' || b[j] == b'!') && next == Some(b' '))
        {
            z = j + 1;
            break;
        }
        j += 1;
    }
    (a, z)
}

/// Who speaks through one speech verb.
#[derive(Debug, Clone, PartialEq)]
enum Subject {
    Named(usize),
    /// A capitalised name the people and organisation stages did not keep ("Dagens
    /// Nyheter said").
    Unlisted(String),
    /// "he" (true), "she" (false).
    Pronoun(bool),
    /// "it": an organisation or country.
    It,
    /// Someone the text does not name ("a spokesman said", "local reporters said").
    Unnamed,
    /// A description ("the foreign minister", "the force"); byte range of its words.
    Role(usize, usize),
}

static TRAILING_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?:[\s,]+|\((?:[^()]{1,12})\)|\b(?:also|further|later|then|again|has|had|have|was|were|is|who|once|previously|repeatedly|reportedly|recently|earlier|now|would|will|had|simply|aptly|in a statement|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|twitter|x|social media|friday)|last (?:week|month|year)|this week)\b)+$").unwrap()
});
static LEADING_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)^(?:[\s,]+|\b(?:also|then|again|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)+").unwrap()
});
static PRONOUN_END: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"(?i)\b(he|she|it)$").unwrap());
static PRONOUN_START: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"(?i)^(he|she|it)\b").unwrap());
/// "In 2022, she withdrew …, saying": the subject of a clause a participle continues.
static CLAUSE_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)^\W*(?:[^,]{0,40},\s*)?(he|she)\b").unwrap()
});
static SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&format!(
        r"(?i)^(?:[\s,]+|\b(?:also|has|had|have|then|later|once|previously)\b)*\b{VERBS}\b"
    ))
    .unwrap()
});
static ROLE_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)\bthe\s+((?:[\w'’-]+\s+){0,3}[\w-]+)$").unwrap()
});
static ROLE_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)^the\s+((?:[\w'’-]+\s+){0,3}[\w-]+)").unwrap()
});

/// Nouns that describe an organisation, not a person: "the force said", "the company
/// said". Each names words of the organisations it may point back to.
fn org_noun(head: &str) -> Option<&'static [&'static str]> {
    Some(match head {
        "force" | "police" | "constabulary" => &["police", "constabulary", "force"],
        "government" | "administration" | "cabinet" | "executive" => {
            &["government", "administration", "cabinet", "executive"]
        }
        "ministry" | "department" => &["ministry", "department"],
        "company" | "firm" | "airline" | "carrier" | "retailer" | "group" | "brand" | "bank" => {
            &["company"]
        }
        "newspaper" | "paper" | "broadcaster" | "magazine" | "outlet" | "publication" => &["media"],
        "party" => &["party"],
        "court" | "tribunal" => &["court", "tribunal", "judiciary"],
        "council" | "authority" | "agency" | "commission" | "committee" | "office" | "union"
        | "organisation" | "organization" | "charity" | "club" | "university" | "institute"
        | "regulator" | "watchdog" | "board" | "body" | "army" | "military" => &[
            "council",
            "authority",
            "agency",
            "commission",
            "committee",
            "office",
            "union",
            "organisation",
            "organization",
            "charity",
            "club",
            "university",
            "institute",
            "military",
            "army",
            "ngo",
            "international",
        ],
        "country" | "state" | "kingdom" => &["country"],
        _ => return None,
    })
}

/// Person descriptions that do not point back at anyone: they introduce a new, unnamed
/// speaker ("the spokesman said", "the source said").
fn unnamed_role(head: &str) -> bool {
    head.ends_with('s')
        || matches!(
            head,
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "source"
                | "witness"
                | "resident"
                | "statement"
                | "report"
                | "study"
                | "letter"
                | "document"
                | "article"
                | "man"
                | "woman"
                | "boy"
                | "girl"
                | "person"
                | "other"
                | "latter"
                | "former"
                | "pair"
                | "couple"
        )
}

/// Words that open a clause, not a name ("But Smith said" keeps "Smith").
fn clause_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "There"
            | "Here"
            | "But"
            | "And"
            | "Then"
            | "So"
            | "Also"
            | "Yet"
            | "Or"
            | "As"
            | "In"
            | "On"
            | "At"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Now"
            | "A"
            | "An"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Officials"
            | "Police"
            | "Sources"
            | "Reports"
            | "Critics"
            | "Experts"
            | "Analysts"
    )
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "from"
            | "in"
            | "at"
            | "to"
            | "with"
            | "by"
            | "for"
            | "against"
            | "about"
            | "on"
            | "into"
            | "over"
            | "than"
            | "between"
            | "among"
            | "like"
            | "via"
            | "including"
    )
}

/// The text's analysis context for attribution: speakers, their mentions in text order,
/// quotes, and the gender the text gives each person.
struct Ctx<'a, 'b> {
    text: &'a str,
    people: &'b [Speaker<'b>],
    /// (start, end, speaker), sorted, without overlaps.
    mentions: Vec<(usize, usize, usize)>,
    quotes: Vec<Marked>,
    /// Per speaker: Some(true) male, Some(false) female, None unknown.
    gender: Vec<Option<bool>>,
    /// Where sentences start.
    starts: Vec<usize>,
    /// The article's main speaker: the person named with the most speech verbs.
    main: Option<usize>,
}

/// Lower-case ASCII words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let s = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
            i += 1;
        }
        Some((s, &text[s..i]))
    })
}

/// The word just before byte `pos` (skipping spaces and capitalised or hyphenated words
/// when `skip_names`): its text, lower-cased.
fn word_before(text: &str, pos: usize, skip_names: bool) -> Option<String> {
    let mut end = pos;
    loop {
        let head = text[..end].trim_end();
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .map_or(0, |p| {
                p + head[p..].chars().next().map_or(1, char::len_utf8)
            });
        let w = &head[start..];
        if w.is_empty() {
            return None;
        }
        let named = w.chars().next().is_some_and(char::is_uppercase) || w.contains('-');
        let article = matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her");
        if skip_names && (named || article) && start > 0 && end - start < 40 {
            end = start;
            continue;
        }
        return Some(w.to_lowercase());
    }
}

impl<'a, 'b> Ctx<'a, 'b> {
    fn new(text: &'a str, people: &'b [Speaker<'b>]) -> Self {
        let mut all: Vec<(usize, usize, usize)> = people
            .iter()
            .enumerate()
            .flat_map(|(k, p)| p.spans.iter().map(move |&(s, e)| (s, e, k)))
            .collect();
        all.sort_by_key(|&(s, e, k)| (s, std::cmp::Reverse(e), k));
        let mut mentions: Vec<(usize, usize, usize)> = Vec::with_capacity(all.len());
        for m in all {
            if mentions.last().is_none_or(|l| m.0 >= l.1) {
                mentions.push(m);
            }
        }
        let quotes = quoted(text);
        let gender = Self::genders(text, people, &mentions);
        // Sentences inside a quotation do not count when looking back for a pronoun's person.
        let mut starts = sentence_starts(text);
        let mut qi = 0;
        starts.retain(|&p| {
            while qi < quotes.len() && quotes[qi].e <= p {
                qi += 1;
            }
            qi >= quotes.len() || p <= quotes[qi].s || p == 0
        });
        let mut cx = Ctx {
            text,
            people,
            mentions,
            quotes,
            gender,
            starts,
            main: None,
        };
        let mut counts = vec![0usize; people.len()];
        for (vs, ve) in cx.verbs(0, text.len()) {
            let (a, z) = sentence_bounds(text, vs, ve);
            let (ca, cz) = cx.clause(a, z, vs, ve);
            if let Some(Subject::Named(k)) = cx.subject((vs, ve), ca, cz) {
                counts[k] += usize::from(!people[k].organisation);
            }
        }
        cx.main = counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .max_by_key(|(_, &c)| c)
            .map(|(i, _)| i);
        cx
    }

    /// Speech verbs in `[a, z)` outside quotes; a capitalised one only opening a sentence
    /// ("the United States", "Reports say").
    fn verbs(&self, a: usize, z: usize) -> Vec<(usize, usize)> {
        VERB.find_iter(&self.text[a..z])
            .into_iter()
            .map(|(s, e)| (a + s, a + e))
            .filter(|&(s, _)| {
                !self.inside_quote(s)
                    && (self.text.as_bytes()[s].is_ascii_lowercase()
                        || self.text[s..].starts_with("According"))
            })
            .collect()
    }

    /// The clause of the verb at `[vs, ve)` in the sentence `[a, z)`: not across a quote.
    fn clause(&self, a: usize, z: usize, vs: usize, ve: usize) -> (usize, usize) {
        let i = self.quotes.partition_point(|q| q.after <= vs);
        let ca = i
            .checked_sub(1)
            .map(|j| self.quotes[j].after)
            .filter(|&p| p > a)
            .unwrap_or(a);
        let cz = self.quotes[i..]
            .iter()
            .find(|q| q.mark >= ve)
            .map(|q| q.mark)
            .filter(|&p| p < z)
            .unwrap_or(z);
        (ca, cz)
    }

    /// The gender the text gives each person: an honorific before a mention ("Mrs"), else
    /// the first personal pronoun after one, before the next person is named.
    fn genders(
        text: &str,
        people: &[Speaker],
        mentions: &[(usize, usize, usize)],
    ) -> Vec<Option<bool>> {
        let pronouns: Vec<(usize, bool)> = words(text)
            .filter_map(|(p, w)| match w {
                "he" | "He" | "him" | "his" | "His" | "himself" => Some((p, true)),
                "she" | "She" | "her" | "Her" | "hers" | "herself" => Some((p, false)),
                _ => None,
            })
            .collect();
        let mut votes = vec![(0i32, 0i32); people.len()];
        for (n, &(s, e, k)) in mentions.iter().enumerate() {
            if people[k].organisation {
                continue;
            }
            let subject = subject_position(text, s, e);
            let honorific = word_before(text, s, false);
            let by_title = match honorific.as_deref() {
                Some(
                    "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "duchess",
                ) => Some(false),
                Some("mr" | "sir" | "lord" | "king" | "prince" | "duke") => Some(true),
                _ => None,
            };
            let next_person = mentions[n + 1..]
                .iter()
                .find(|m| !people[m.2].organisation)
                .map_or(text.len(), |m| m.0);
            let limit = next_person.min(e + 300);
            let i = pronouns.partition_point(|&(p, _)| p < e);
            let by_pronoun = pronouns
                .get(i)
                .filter(|&&(p, _)| p < limit && subject)
                .map(|p| p.1);
            let v = &mut votes[k];
            match by_title.or(by_pronoun) {
                Some(true) => v.0 += if by_title.is_some() { 5 } else { 1 },
                Some(false) => v.1 += if by_title.is_some() { 5 } else { 1 },
                None => {}
            }
        }
        votes
            .into_iter()
            .map(|(m, f)| (m != f).then_some(m > f))
            .collect()
    }

    fn inside_quote(&self, pos: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.s <= pos);
        i > 0 && pos < self.quotes[i - 1].e
    }

    /// Mentions wholly inside `[a, b)`, outside quotes.
    fn mentions_in(
        &self,
        a: usize,
        b: usize,
    ) -> impl DoubleEndedIterator<Item = &(usize, usize, usize)> {
        let i = self.mentions.partition_point(|m| m.0 < a);
        let j = self.mentions.partition_point(|m| m.0 < b);
        self.mentions[i..j.max(i)]
            .iter()
            .filter(move |m| m.1 <= b && !self.inside_quote(m.0))
    }

    /// The subject of the speech verb at `v`, in the clause `[a, z)`.
    fn subject(&self, v: (usize, usize), a: usize, z: usize) -> Option<Subject> {
        let text = self.text;
        let verb = text[v.0..v.1].to_ascii_lowercase();
        let pre = &text[a..v.0];
        if verb == "saying" {
            if let Some(c) = CLAUSE_PRONOUN.captures(pre) {
                return Some(Subject::Pronoun(c[1].eq_ignore_ascii_case("he")));
            }
            return self
                .mentions_in(a, v.0)
                .find(|m| m.0 - a <= 40)
                .map(|m| Subject::Named(m.2));
        }
        if verb != "according to" {
            if let Some(s) = self.subject_before(a, v.0) {
                return Some(s);
            }
            // "X told Y", "X asked Y": what follows is the listener.
            if matches!(
                verb.as_str(),
                "told"
                    | "tells"
                    | "asked"
                    | "asks"
                    | "urged"
                    | "urges"
                    | "called"
                    | "described"
                    | "describes"
            ) {
                return None;
            }
        }
        self.subject_after(v.1, z)
    }

    /// "Blinken said", "Jeremy Hunt, who replaced …, said", "he said", "the minister said".
    fn subject_before(&self, a: usize, v: usize) -> Option<Subject> {
        let text = self.text;
        let pre = &text[a..v];
        let cut = TRAILING_FILLER.find(pre).map_or(pre.len(), |m| m.start());
        let end = a + cut;
        for &(s, e, k) in self.mentions_in(a, end).rev() {
            let gap = &text[e..end];
            let adjacent = gap.trim().is_empty();
            // An apposition or relative clause between the name and its verb.
            let aside = gap.starts_with(", ")
                && text[end..v].contains(',')
                && gap.len() <= 160
                && !gap.contains(['"', '\u{201C}', '\u{201D}']);
            // "a Treasury spokesperson said", "UPS corporate communications said".
            let voice = self.people[k].organisation
                && gap.len() <= 40
                && gap
                    .split_whitespace()
                    .all(|w| w.chars().all(char::is_lowercase))
                && gap.split_whitespace().last().is_some_and(|w| {
                    w.starts_with("spokes")
                        || matches!(
                            w,
                            "communications"
                                | "statement"
                                | "office"
                                | "representative"
                                | "officials"
                                | "official"
                        )
                });
            let object = word_before(text, s, true).is_some_and(|w| is_preposition(&w))
                || text[e..].starts_with("'s")
                || text[e..].starts_with("\u{2019}s");
            if object {
                continue;
            }
            // "Lauren Nel from Natural Justice says".
            let affiliation = gap.len() <= 60
                && (gap.starts_with(" from ")
                    || gap.starts_with(" of ")
                    || gap.starts_with(" at "))
                && !gap.contains([',', '"', '\u{201C}']);
            if adjacent || voice || aside || affiliation {
                return Some(Subject::Named(k));
            }
        }
        let head = &text[a..end];
        if let Some(c) = PRONOUN_END.captures(head) {
            return Some(match c[1].to_ascii_lowercase().as_str() {
                "he" => Subject::Pronoun(true),
                "she" => Subject::Pronoun(false),
                _ => Subject::It,
            });
        }
        if let Some(c) = ROLE_END.captures(head) {
            let m = c.get(1).unwrap();
            return Some(Subject::Role(a + m.start(), a + m.end()));
        }
        if let Some(name) = unlisted(head.trim_end_matches([',', ' '])) {
            return Some(Subject::Unlisted(name));
        }
        // "Jeremy Hunt, who replaced …, said": the name before an aside.
        if text[end..v].contains(',') {
            let clause = head.rfind(['.', ';', ':']).map_or(head, |p| &head[p + 1..]);
            if let Some((name, rest)) = clause.split_once(", ") {
                let aside = rest.starts_with("who ")
                    || rest.starts_with("a ")
                    || rest.starts_with("an ")
                    || rest.starts_with("the ");
                if aside && !rest.contains(['"', '\u{201C}']) {
                    if let Some(n) = unlisted(name).filter(|n| n.len() + 2 >= name.trim().len()) {
                        return Some(Subject::Unlisted(n));
                    }
                }
            }
        }
        let last = head.split_whitespace().last().unwrap_or("");
        // "…, says Yao": after a comma the subject follows the verb.
        let described = !text[end..v].contains(',')
            && last.len() >= 3
            && last.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(
                last,
                "and" | "but" | "that" | "which" | "who" | "also" | "as" | "than"
            );
        described.then_some(Subject::Unnamed)
    }

    /// `"…," said Blinken`, `according to the minister`.
    fn subject_after(&self, v: usize, z: usize) -> Option<Subject> {
        let text = self.text;
        let post = &text[v..z.max(v)];
        let skip = LEADING_FILLER.find(post).map_or(0, |m| m.end());
        let start = v + skip;
        if let Some(m) = self.mentions_in(start, z).next() {
            let gap = &text[start..m.0];
            let titled = gap.len() <= 40
                && !gap.contains([',', '.', ';'])
                && !gap.to_ascii_lowercase().contains("that");
            if m.0 <= start + 1 || titled {
                return Some(Subject::Named(m.2));
            }
        }
        let post = &text[start..z.max(start)];
        if let Some(c) = PRONOUN_START.captures(post) {
            return Some(match c[1].to_ascii_lowercase().as_str() {
                "he" => Subject::Pronoun(true),
                "she" => Subject::Pronoun(false),
                _ => Subject::It,
            });
        }
        if let Some(c) = ROLE_START.captures(post) {
            let m = c.get(1).unwrap();
            return Some(Subject::Role(start + m.start(), start + m.end()));
        }
        let run: String = post
            .split_whitespace()
            .take(4)
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect::<Vec<_>>()
            .join(" ");
        let run = run.trim_end_matches(|c: char| !c.is_alphanumeric());
        (!run.is_empty() && !clause_word(run.split(' ').next().unwrap_or("")))
            .then(|| run.to_string())
            .map(Subject::Unlisted)
    }

    /// What `he` / `she` (or `it`, an organisation) at `pos` points back to: within the
    /// last two sentences, the last one of that gender named as a subject, else the last
    /// one named at all (not as an object: "against Dershowitz", "Epstein's neighbour");
    /// further back, the article's main speaker.
    fn antecedent(&self, pos: usize, male: Option<bool>, organisation: bool) -> Option<usize> {
        let here = sentence_index(&self.starts, pos);
        let from = self.starts[here.saturating_sub(4).min(self.starts.len() - 1)];
        let fits = |k: usize| {
            self.people[k].organisation == organisation
                && (male.is_none() || self.gender[k].is_none_or(|g| Some(g) == male))
        };
        let candidates: Vec<&(usize, usize, usize)> = self
            .mentions_in(from, pos)
            .rev()
            .filter(|m| fits(m.2))
            .filter(|&&(s, e, _)| {
                !word_before(self.text, s, true)
                    .is_some_and(|w| is_preposition(&w) || w == "and" || w == "or")
                    && !self.text[e..].starts_with("'s")
                    && !self.text[e..].starts_with("\u{2019}s")
            })
            .collect();
        candidates
            .iter()
            .find(|m| subject_position(self.text, m.0, m.1))
            .or(candidates.first())
            .map(|m| m.2)
            .or(self.main.filter(|&k| fits(k)))
    }

    /// The speaker a description points at ("the foreign minister", "the force").
    fn by_role(&self, (s, e): (usize, usize), pos: usize) -> Option<usize> {
        let words = self.text[s..e].to_lowercase();
        let head = words.split_whitespace().last()?;
        if let Some(kinds) = org_noun(head) {
            let from = pos.saturating_sub(4000);
            return self
                .mentions_in(from, pos)
                .rev()
                .find(|m| {
                    let p = &self.people[m.2];
                    p.organisation
                        && (kinds.contains(&p.kind)
                            || p.name.to_lowercase().contains(head)
                            || kinds.iter().any(|k| p.name.to_lowercase().contains(k)))
                })
                .map(|m| m.2);
        }
        let capital = self.text[s..e]
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let matching: Vec<usize> = self
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role.is_some_and(|r| r.to_lowercase().contains(head)))
            .map(|(i, _)| i)
            .collect();
        // Only an unambiguous role points at one person.
        if matching.len() == 1 {
            return Some(matching[0]);
        }
        if unnamed_role(head) || !matching.is_empty() || capital {
            return None;
        }
        // "the expert said", "the 80-year-old added": the person just spoken of.
        self.antecedent(pos, None, false)
    }

    /// Resolves a subject at `pos` to a speaker: (index or unlisted name, how).
    fn resolve(&self, subj: Subject, pos: usize) -> Option<(Result<usize, String>, &'static str)> {
        match subj {
            Subject::Named(k) => Some((Ok(k), "named")),
            Subject::Unlisted(name) => Some((self.unlisted_person(&name), "named")),
            Subject::Pronoun(male) => self
                .antecedent(pos, Some(male), false)
                .map(|k| (Ok(k), "pronoun")),
            Subject::It => self.antecedent(pos, None, true).map(|k| (Ok(k), "pronoun")),
            Subject::Unnamed => Some((Err(String::new()), "")),
            Subject::Role(s, e) => {
                self.by_role((s, e), pos)
                    .map(|k| (Ok(k), "role"))
                    .or_else(|| {
                        // "the Treasury said": a name, not a description.
                        let name: Vec<&str> = self.text[s..e]
                            .split_whitespace()
                            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                            .collect();
                        let last_cap = self.text[s..e]
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
                        (last_cap && !name.is_empty())
                            .then(|| (self.unlisted_person(&name.join(" ")), "named"))
                    })
            }
        }
    }

    /// A one-word person ("Abby") that is part of exactly one longer listed name ("Abby
    /// Dunn") is that person.
    fn fuller(&self, k: usize) -> usize {
        let p = &self.people[k];
        if p.organisation || p.name.contains(' ') {
            return k;
        }
        match self.unlisted_person(p.name) {
            Ok(j) if j != k => j,
            _ => k,
        }
    }

    /// An unlisted one-word name that is part of exactly one listed person ("Abby" of
    /// "Abby Dunn") is that person.
    fn unlisted_person(&self, name: &str) -> Result<usize, String> {
        if !name.contains(' ') {
            let mut hits = self.people.iter().enumerate().filter(|(_, p)| {
                !p.organisation && p.name.contains(' ') && p.name.split(' ').any(|w| w == name)
            });
            if let (Some((k, _)), None) = (hits.next(), hits.next()) {
                return Ok(k);
            }
        }
        Err(name.to_string())
    }

    /// The speaker of the sentence `[a, z)` through its speech verbs outside quotes,
    /// nearest to `near` first.
    fn sentence_speaker(
        &self,
        a: usize,
        z: usize,
        near: (usize, usize),
    ) -> Option<(Result<usize, String>, &'static str)> {
        let mut verbs = self.verbs(a, z);
        verbs.sort_by_key(|&(s, e)| {
            if s >= near.1 {
                s - near.1
            } else {
                near.0.saturating_sub(e)
            }
        });
        for (vs, ve) in verbs {
            let (ca, cz) = self.clause(a, z, vs, ve);
            if let Some(subj) = self.subject((vs, ve), ca, cz) {
                return self.resolve(subj, vs);
            }
        }
        None
    }
}

/// A mention that is its sentence's subject: it opens the sentence (after title words)
/// or a speech verb follows it.
fn subject_position(text: &str, s: usize, e: usize) -> bool {
    // Title words before a name are few: look no further back than 80 bytes.
    let mut from = s.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..s].trim_end_matches(|c: char| {
        c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'' || c == '\u{2019}'
    });
    let opens = (before.is_empty() && from == 0)
        || before.ends_with(['.', '!', '?', '\n', ':', '"', '\u{201C}', '\u{201D}'])
            && text[from + before.len()..s]
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let mut z = (e + 60).min(text.len());
    while !text.is_char_boundary(z) {
        z -= 1;
    }
    opens || SUBJECT_VERB.is_match(&text[e..z])
}

/// Index of the sentence holding byte `pos`, for "how many sentences back".
fn sentence_index(starts: &[usize], pos: usize) -> usize {
    starts.partition_point(|&s| s <= pos)
}

/// Where sentences start: after ". ", "? ", "! ", after a stop glued to a capital
/// ("sides.He"), and at each new paragraph.
fn sentence_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = vec![0];
    for i in 1..b.len() {
        let prev = b[i - 1];
        let para = prev == b'\n' && b[i] != b'\n';
        let stop = (prev == b'.' || prev == b'?' || prev == b'!')
            && (b[i] == b' ' && !matches!(b.get(i + 1), Some(b'\n' | b' ') | None)
                || b[i].is_ascii_uppercase());
        if para || stop {
            out.push(i);
        }
    }
    out
}

/// A capitalised name ending `head` ("… Dagens Nyheter"), at the start of its clause.
fn unlisted(head: &str) -> Option<String> {
    let ws: Vec<&str> = head.split_whitespace().collect();
    let mut n = 0;
    while n < ws.len().min(4) {
        let w = ws[ws.len() - 1 - n];
        if !w.chars().next().is_some_and(char::is_uppercase)
            || w.ends_with([',', '.', ':', ';']) && n > 0
        {
            break;
        }
        n += 1;
    }
    if n == 0 {
        return None;
    }
    // The word before the name must end a clause or be a plain lower-case word.
    let mut run = &ws[ws.len() - n..];
    while run.first().is_some_and(|w| clause_word(w)) {
        run = &run[1..];
    }
    if run.is_empty()
        || run
            .iter()
            .any(|w| clause_word(w) || w.contains(['(', ')', '"']))
    {
        return None;
    }
    let before = ws.len() - n;
    if before > 0 && is_preposition(&ws[before - 1].to_lowercase()) {
        return None;
    }
    let name = run.join(" ");
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    (!name.is_empty()).then(|| name.to_string())
}

/// The quotations of `text` with their speakers among `people` (see `speakers`).
pub fn extract(text: &str, people: &[Speaker]) -> Vec<Quote> {
    let cx = Ctx::new(text, people);
    let mut out: Vec<Quote> = Vec::with_capacity(cx.quotes.len());
    let mut kept: Vec<Marked> = Vec::new();
    for q in &cx.quotes {
        let (a, z) = sentence_bounds(text, q.mark, q.after);
        let z = if q.open { q.after } else { z };
        let mut found = cx.sentence_speaker(a, z, (q.mark, q.after));
        let own = found.is_some();
        let words = text[q.s..q.e].split_whitespace().count();
        // Short quotes are labels or scare quotes unless the sentence gives them to someone.
        if words == 0 || (words < 4 && !own) {
            continue;
        }
        let para = text[..q.mark].rfind('\n').map_or(0, |p| p + 1);
        let opens_para = text[para..q.mark].trim().is_empty();
        if found.is_none() {
            // Else the sentence before gives it: its quotation's speaker ("“…,” he said.
            // “…”") or its own ("Fischer said. “…”"); a paragraph that is all quotation
            // goes on from the last sentence of the paragraph before.
            let before = if opens_para {
                text[..para].trim_end().len()
            } else {
                a.saturating_sub(1)
            };
            let (pa, pz) =
                sentence_bounds(text, before.saturating_sub(1), before.saturating_sub(1));
            let prev = kept.last().zip(out.last()).filter(|(p, _)| {
                (p.mark >= pa || p.open) && p.after <= pz + 1 && p.after + 3 >= pa
            });
            if before > 0 {
                found = match prev {
                    Some((_, o)) => o.speaker_index.map(Ok).or(o.speaker.clone().map(Err)),
                    None => cx.sentence_speaker(pa, pz, (pz, pz)).map(|(r, _)| r),
                }
                .map(|r| (r, "context"));
            }
        }
        if let Some((Ok(k), _)) = &mut found {
            *k = cx.fuller(*k);
        }
        // Given to someone the text does not name.
        if matches!(&found, Some((Err(n), _)) if n.is_empty()) {
            found = None;
        }
        let (index, name) = match &found {
            Some((Ok(k), _)) => (Some(*k), Some(people[*k].name.to_string())),
            Some((Err(n), _)) => (None, Some(n.clone())),
            None => (None, None),
        };
        let kind = match &found {
            Some((Ok(k), _)) => Some(if people[*k].organisation {
                "organisation"
            } else {
                "person"
            }),
            Some((Err(n), _)) => Some(if n.split(' ').any(|w| is_org_word(&w.to_lowercase())) {
                "organisation"
            } else {
                "person"
            }),
            None => None,
        };
        out.push(Quote {
            text: text[q.s..q.e].trim().to_string(),
            speaker: name,
            speaker_kind: kind,
            speaker_index: index,
            attribution: found.as_ref().map_or("", |f| f.1),
            span: (q.s, q.e),
        });
        kept.push(*q);
    }
    // A quotation over several paragraphs named at its end ("“… ¶ “…,” she said").
    for i in (0..out.len().saturating_sub(1)).rev() {
        if out[i].speaker.is_none() && kept[i].open {
            let next_para = text[kept[i].after..].find('\n').map(|p| kept[i].after + p);
            let follows = next_para
                .and_then(|p| text.get(p..kept[i + 1].mark))
                .is_some_and(|gap| gap.trim().is_empty());
            if follows && out[i + 1].speaker.is_some() {
                out[i].speaker = out[i + 1].speaker.clone();
                out[i].speaker_kind = out[i + 1].speaker_kind;
                out[i].speaker_index = out[i + 1].speaker_index;
                out[i].attribution = "context";
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_start_letters_cover_every_verb() {
        assert!(
            verb_prefixes().iter().all(|p| p.len() >= 3),
            "{:?}",
            verb_prefixes()
        );
        let re = crate::text::pattern::regex(&format!(r"(?i)\b{VERBS}\b")).unwrap();
        let t = "He SAID, she Told us; Emphasised and ACCORDING TO, unsaid saidx ſaid. Pointed out";
        let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
        assert_eq!(VERB.find_iter(t), want);
    }

    #[test]
    fn sentence_bounds_stop_at_the_nearest_break() {
        let t = "One. Two said \"x y z,\" he noted! Three\nFour";
        let s = t.find("said").unwrap();
        assert_eq!(sentence_bounds(t, s, s + 4), (5, t.find('!').unwrap() + 1));
        let f = t.find("Four").unwrap();
        assert_eq!(sentence_bounds(t, f, f + 4), (f, t.len()));
    }

    fn spans(text: &str, name: &str) -> Vec<(usize, usize)> {
        text.match_indices(name)
            .map(|(i, m)| (i, i + m.len()))
            .collect()
    }

    #[test]
    fn unclosed_quote_in_a_long_non_latin_text_does_not_panic() {
        let t = format!("\"{}", "と".repeat(1000));
        assert!(quoted(&t).is_empty());
    }

    #[test]
    fn named_speaker_after_and_before_the_quote() {
        let t = "\u{201C}We will not give up on peace,\u{201D} Blinken said on Tuesday. Lavrov told reporters: \"The talks were useful and long.\"";
        let (b, l) = (spans(t, "Blinken"), spans(t, "Lavrov"));
        let people = [
            Speaker {
                organisation: false,
                kind: "",
                name: "Antony Blinken",
                role: None,
                spans: &b,
            },
            Speaker {
                organisation: false,
                kind: "",
                name: "Sergey Lavrov",
                role: None,
                spans: &l,
            },
        ];
        let q = extract(t, &people);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "We will not give up on peace,");
        assert_eq!(q[0].speaker.as_deref(), Some("Antony Blinken"));
        assert_eq!(q[1].speaker.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(q[1].attribution, "named");
    }

    #[test]
    fn pronoun_resolves_to_the_main_speaker() {
        let t = "The top diplomat visited Israel.\n\nHe noted that January has been \"a bloody month for Palestinians,\" as many were killed. Blinken failed, the foreign minister recalled.\n\nAl-Maliki went on saying that talks were needed.\n\nAl-Maliki also stressed the point.\n\nHe also suggested that they would meet, \"when the time really comes and when both leaders feel it.\"";
        let (m, b) = (spans(t, "Al-Maliki"), spans(t, "Blinken"));
        let people = [
            Speaker {
                organisation: false,
                kind: "",
                name: "Antony Blinken",
                role: Some("Secretary of State"),
                spans: &b,
            },
            Speaker {
                organisation: false,
                kind: "",
                name: "Al-Maliki",
                role: Some("foreign minister"),
                spans: &m,
            },
        ];
        let q = extract(t, &people);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].speaker.as_deref(), Some("Al-Maliki"));
        assert_eq!(q[0].attribution, "pronoun");
        assert_eq!(q[1].speaker.as_deref(), Some("Al-Maliki"));
    }

    #[test]
    fn seed_quotes_go_to_the_foreign_minister() {
        let t = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/seed_officials.txt"
        ))
        .unwrap();
        let (b, m, p) = (
            spans(&t, "Blinken"),
            spans(&t, "Al-Maliki"),
            spans(&t, "Vladimir Putin"),
        );
        let people = [
            Speaker {
                organisation: false,
                kind: "",
                name: "Antony Blinken",
                role: Some("US Secretary of State"),
                spans: &b,
            },
            Speaker {
                organisation: false,
                kind: "",
                name: "Al-Maliki",
                role: Some("foreign minister"),
                spans: &m,
            },
            Speaker {
                organisation: false,
                kind: "",
                name: "Vladimir Putin",
                role: Some("Russian President"),
                spans: &p,
            },
        ];
        let q = extract(&t, &people);
        assert_eq!(q.len(), 2);
        assert!(
            q.iter().all(|q| q.speaker.as_deref() == Some("Al-Maliki")),
            "{q:?}"
        );
    }

    #[test]
    fn a_name_inside_the_reported_clause_is_not_the_speaker() {
        let t = "Al-Maliki also noted that he would travel.\n\nHe also suggested that President Vladimir Putin would meet him, \"when the time really comes for both leaders.\"";
        let (m, p) = (spans(t, "Al-Maliki"), spans(t, "Vladimir Putin"));
        let people = [
            Speaker {
                organisation: false,
                kind: "",
                name: "Al-Maliki",
                role: None,
                spans: &m,
            },
            Speaker {
                organisation: false,
                kind: "",
                name: "Vladimir Putin",
                role: None,
                spans: &p,
            },
        ];
        let q = extract(t, &people);
        assert_eq!(q[0].speaker.as_deref(), Some("Al-Maliki"));
        assert_eq!(q[0].attribution, "pronoun");
    }

    #[test]
    fn long_quotes_in_multibyte_text_do_not_split_characters() {
        let t = format!("\u{201C}{}", "と".repeat(800));
        assert!(extract(&t, &[]).is_empty());
    }

    #[test]
    fn short_scare_quotes_are_not_quotes() {
        assert!(extract("a so-called \"peace\" plan", &[]).is_empty());
        assert!(extract("unclosed \" quote with many words here", &[]).is_empty());
    }
}

#[cfg(test)]
mod patterns {
    use super::*;

    /// Speakers named in `text` (persons, then organisations after `|`): every mention.
    fn speakers_of<'a>(
        text: &str,
        names: &[&'a str],
        spans: &'a mut Vec<Vec<(usize, usize)>>,
    ) -> Vec<Speaker<'a>> {
        for n in names {
            let key = n.trim_start_matches('|');
            let last = key.rsplit(' ').next().unwrap();
            let mut v: Vec<(usize, usize)> = text
                .match_indices(key)
                .map(|(i, m)| (i, i + m.len()))
                .collect();
            if v.is_empty() || key.contains(' ') {
                let more: Vec<(usize, usize)> = text
                    .match_indices(last)
                    .map(|(i, m)| (i, i + m.len()))
                    .filter(|&(i, _)| !v.iter().any(|&(s, e)| s <= i && i < e))
                    .collect();
                v.extend(more);
                v.sort_unstable();
            }
            spans.push(v);
        }
        names
            .iter()
            .zip(spans.iter())
            .map(|(n, s)| Speaker {
                name: n.trim_start_matches('|'),
                role: None,
                spans: s,
                organisation: n.starts_with('|'),
                kind: "",
            })
            .collect()
    }

    fn who(text: &str, names: &[&str]) -> Vec<Option<String>> {
        let mut spans = Vec::new();
        let people = speakers_of(text, names, &mut spans);
        extract(text, &people)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn said_after_and_before_the_name() {
        let t = "\u{201C}We will keep going with this,\u{201D} Smith said. \u{201C}It is the right thing to do,\u{201D} said Jones.";
        assert_eq!(
            who(t, &["Ann Smith", "Bo Jones"]),
            [Some("Ann Smith".into()), Some("Bo Jones".into())]
        );
    }

    #[test]
    fn according_to_and_told() {
        let t = "The plan is \u{201C}dead in the water for now,\u{201D} according to Jones.\n\nSmith told reporters: \u{201C}The talks were useful and long.\u{201D}";
        assert_eq!(
            who(t, &["Ann Smith", "Bo Jones"]),
            [Some("Bo Jones".into()), Some("Ann Smith".into())]
        );
    }

    #[test]
    fn apposition_and_relative_clause_between_name_and_verb() {
        let t = "Ann Smith, who replaced Bo Jones as chair last year, said it was \u{201C}a mistake to fly blind.\u{201D}\n\nCarl Wu, a lawyer for the Treasury, argued that \u{201C}no obligation exists on it at all.\u{201D}";
        assert_eq!(
            who(t, &["Ann Smith", "Bo Jones", "Carl Wu", "|Treasury"]),
            [Some("Ann Smith".into()), Some("Carl Wu".into())]
        );
    }

    #[test]
    fn the_sentence_before_and_continued_paragraphs() {
        let t = "Managers came outside, Fischer said. \u{201C}Some were standing right in the crowd.\u{201D}\n\nGavin Stephens said: \u{201C}Every community has been affected by this.\n\n\u{201C}I want to reassure the public that we are ready.\u{201D}\n\nFoo said the pipeline was at risk.\n\n\u{201C}We have a lot of challenges with theft.\u{201D}";
        assert_eq!(
            who(t, &["Tanner Fischer", "Gavin Stephens", "Ron Foo"]),
            [
                Some("Tanner Fischer".into()),
                Some("Gavin Stephens".into()),
                Some("Gavin Stephens".into()),
                Some("Ron Foo".into())
            ]
        );
    }

    #[test]
    fn pronouns_go_back_to_the_last_subject_of_that_gender() {
        let t = "Mrs Ann Smith met Mr Bo Jones in May. Jones left early.\n\n\u{201C}It was a very long day for all of us,\u{201D} she said.\n\n\u{201C}I am tired of all this,\u{201D} he said.";
        assert_eq!(
            who(t, &["Ann Smith", "Bo Jones"]),
            [Some("Ann Smith".into()), Some("Bo Jones".into())]
        );
    }

    #[test]
    fn organisations_speak_and_descriptions_point_back() {
        let t = "Devon Police were at the scene.\n\nIn an update, the force said: \u{201C}Our officers are well trained for this.\u{201D}\n\nThe OBR would deliver \u{201C}stability\u{201D}, the Treasury has said. A Treasury spokesperson said \u{201C}we will not comment on leaks.\u{201D}";
        assert_eq!(
            who(t, &["|Devon Police", "|Treasury"]),
            [
                Some("Devon Police".into()),
                Some("Treasury".into()),
                Some("Treasury".into())
            ]
        );
    }

    #[test]
    fn unlisted_names_and_unnamed_speakers() {
        let t = "Dagens Nyheter said that criminals had begun \u{201C}sexual relations with selected officers\u{201D}.\n\nA spokesman said: \u{201C}We do not comment on that matter.\u{201D}\n\n\u{201C}This is a banner on the wall of the ground.\u{201D}";
        assert_eq!(who(t, &[]), [Some("Dagens Nyheter".into()), None, None]);
    }

    #[test]
    fn a_first_name_is_the_full_name() {
        let t = "Abby Dunn has been there often.\n\nAbby said: \u{201C}Always buy the tickets early on.\u{201D}";
        let mut spans = Vec::new();
        let mut people = speakers_of(t, &["Abby Dunn", "Abby"], &mut spans);
        people[0].spans = &[(0, 9)];
        let q = extract(t, &people);
        assert_eq!(q[0].speaker.as_deref(), Some("Abby Dunn"));
        assert_eq!(q[0].speaker_kind, Some("person"));
    }
}
