//! Places and organisations found in a text, merged by name: what the context stages hand
//! to the analysis (and the panel's lists).

use crate::analysis::lookup;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

/// A place or organisation found in the text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Named {
    pub name: String,
    /// Places: "country", "capital", "city", "region", "area", "place" (kind unknown).
    /// Organisations: "international", "government", "ministry", "party", "armed_group",
    /// "military", "agency", "company", "media", "organization".
    pub kind: String,
    /// ISO 3166-1 alpha-2 code of the country it is in, is, or belongs to, where known.
    pub country: Option<String>,
    pub mentions: usize,
    /// Byte ranges of every mention in the analysed text.
    pub spans: Vec<(usize, usize)>,
    /// The forms the text writes it in ("UK" for United Kingdom), in order of first use, so
    /// highlights and exports show what the page says.
    pub forms: Vec<String>,
    /// A Wikipedia search for the name (nothing is fetched by Newsmark).
    pub lookup: String,
}

/// Named things found so far, merged by lower-case name.
#[derive(Default)]
pub struct Tally {
    found: Vec<Named>,
    index: HashMap<String, usize>,
}

impl Tally {
    /// The index of the thing called `name`, added with `kind` and `country` if new.
    pub fn entity(&mut self, name: &str, kind: &str, country: Option<String>) -> usize {
        let found = &mut self.found;
        *self.index.entry(name.to_lowercase()).or_insert_with(|| {
            found.push(Named {
                name: name.to_string(),
                kind: kind.to_string(),
                country,
                ..Default::default()
            });
            found.len() - 1
        })
    }

    pub fn mention(&mut self, k: usize, span: (usize, usize)) {
        if let Some(f) = self.found.get_mut(k) {
            f.spans.push(span);
        }
    }

    /// The things mentioned at least once in `text`, most mentioned first (ties by first
    /// mention).
    pub fn finish(self, text: &str) -> Vec<Named> {
        let mut out: Vec<Named> = self
            .found
            .into_iter()
            .filter(|f| !f.spans.is_empty())
            .map(|mut f| {
                f.spans.sort_unstable();
                f.mentions = f.spans.len();
                for &(a, b) in &f.spans {
                    if let Some(form) = text.get(a..b) {
                        if !f.forms.iter().any(|x| x == form) {
                            f.forms.push(form.to_string());
                        }
                    }
                }
                f.lookup = lookup::wikipedia(&f.name);
                f
            })
            .collect();
        out.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(a.spans[0].cmp(&b.spans[0]))
        });
        out
    }
}
