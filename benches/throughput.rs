//! Native analysis throughput (`cargo bench --features native --bench throughput`, also run
//! by `make bench`): parses every page of a suite index once, then times whole analyses and
//! each stage (metadata, main text, people and officials, quotes, timeline), and the
//! officials analysis alone per 5,000 characters of text. Built-in harness, no dependency.
//!
//!   throughput [INDEX.jsonl] [--json OUT.json] [--rounds N] [--top N]
//!
//! Prints a summary to stderr; `--json` writes the figures for tools/bench.mjs.

use newsmark::{
    analysis, analysis::content, analysis::context::timeline, analysis::meta, analysis::people,
    analysis::people::quotes, page::html, page::Page,
};
use serde_json::json;
use std::time::{Duration, Instant};

struct Loaded {
    id: String,
    page: Page,
    text_bytes: usize,
}

fn arg_after(args: &[String], flag: &str) -> Option<String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1).cloned())
}

fn load(index: &str) -> Vec<Loaded> {
    let dir = std::path::Path::new(index)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let Ok(list) = std::fs::read_to_string(index) else {
        eprintln!("throughput: cannot read {index}");
        std::process::exit(2);
    };
    let mut out = Vec::new();
    for line in list.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(entry) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let path = dir.join(entry["html"].as_str().unwrap_or_default());
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let src = String::from_utf8_lossy(&bytes);
        let page = html::read_html(&src, entry["url"].as_str().unwrap_or_default());
        let text_bytes = page
            .nodes
            .iter()
            .filter_map(|n| n.text())
            .map(|t| t.len())
            .sum();
        out.push(Loaded {
            id: entry["id"].as_str().unwrap_or_default().to_string(),
            page,
            text_bytes,
        });
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Time of `f`, best of `rounds` (the least disturbed by other work on the machine).
fn best<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut b = Duration::MAX;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        std::hint::black_box(f());
        b = b.min(t.elapsed());
    }
    b
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; ignore flags we do not know.
    let index = args
        .iter()
        .find(|a| a.ends_with(".jsonl"))
        .cloned()
        .unwrap_or_else(|| "../shared/suites/index.jsonl".to_string());
    let rounds: usize = arg_after(&args, "--rounds")
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let top: usize = arg_after(&args, "--top")
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let pages = load(&index);
    // Warm the data tables (parsed once per process).
    if let Some(p) = pages.first() {
        analysis::analyze(&p.page);
    }

    let stages = ["meta", "content", "officials", "quotes", "timeline"];
    let mut totals = [Duration::ZERO; 5];
    let mut whole = Duration::ZERO;
    let mut per_page = Vec::new();
    let mut text_bytes = 0usize;
    let mut article_bytes = 0usize;
    for p in &pages {
        let page = &p.page;
        let t_all = best(rounds, || analysis::analyze(page));
        whole += t_all;
        text_bytes += p.text_bytes;
        let m = meta::extract(page);
        let art = content::extract(page);
        article_bytes += art.text.len();
        let date = m
            .date_published
            .as_deref()
            .map(|d| d.get(..10).unwrap_or(d));
        let found = people::find(&art.text, date);
        let speakers = quotes::speakers(&found, &[], &[]);
        let published = m.date_published.as_deref().and_then(timeline::parse_day);
        let t = [
            best(rounds, || meta::extract(page)),
            best(rounds, || content::extract(page)),
            best(rounds, || people::find(&art.text, date)),
            best(rounds, || quotes::extract(&art.text, &speakers)),
            best(rounds, || timeline::extract(&art.text, published)),
        ];
        for (acc, d) in totals.iter_mut().zip(t) {
            *acc += d;
        }
        per_page.push((p.id.clone(), t_all, t, p.text_bytes, art.text.len()));
    }

    // Officials alone on the article texts, per 5,000 characters.
    let mut chars = 0usize;
    let mut off_time = Duration::ZERO;
    for p in &pages {
        let art = content::extract(&p.page);
        let n = art.text.chars().count();
        if n < 500 {
            continue;
        }
        chars += n;
        off_time += best(rounds, || people::find(&art.text, None));
    }
    let per_5k = if chars > 0 {
        ms(off_time) * 5000.0 / chars as f64
    } else {
        0.0
    };

    let secs = whole.as_secs_f64();
    let mb_s = text_bytes as f64 / 1e6 / secs.max(1e-9);
    let mut times: Vec<f64> = per_page.iter().map(|r| ms(r.1)).collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    eprintln!(
        "native: {} pages, {:.1} MB of page text, {:.1} ms total analysis, {:.1} MB/s; median {:.2} ms, p95 {:.2} ms",
        pages.len(),
        text_bytes as f64 / 1e6,
        secs * 1000.0,
        mb_s,
        pct(0.5),
        pct(0.95)
    );
    let medians: Vec<f64> = (0..stages.len())
        .map(|k| {
            let mut v: Vec<f64> = per_page.iter().map(|r| ms(r.2[k])).collect();
            v.sort_by(|a, b| a.total_cmp(b));
            v.get(v.len() / 2).copied().unwrap_or(0.0)
        })
        .collect();
    let stage_median = |k: usize| medians[k];
    for (k, (name, d)) in stages.iter().zip(totals).enumerate() {
        eprintln!(
            "  {name:<10} total {:8.1} ms, median {:6.3} ms",
            ms(d),
            stage_median(k)
        );
    }
    eprintln!("  officials per 5,000 chars: {per_5k:.3} ms");
    per_page.sort_by_key(|r| std::cmp::Reverse(r.1));
    eprintln!("slowest pages:");
    for (id, t, st, tb, ab) in per_page.iter().take(top) {
        let parts: Vec<String> = stages
            .iter()
            .zip(st)
            .map(|(n, d)| format!("{n} {:.1}", ms(*d)))
            .collect();
        eprintln!(
            "  {id:<40} {:7.2} ms  text {tb} B, article {ab} B  [{}]",
            ms(*t),
            parts.join(", ")
        );
    }
    if let Some(out) = arg_after(&args, "--json") {
        let v = json!({
            "pages": pages.len(),
            "text_bytes": text_bytes,
            "article_bytes": article_bytes,
            "analysis_ms": {"total": secs * 1000.0, "median": pct(0.5), "p95": pct(0.95)},
            "mb_per_s": mb_s,
            "stages_ms": stages.iter().zip(totals).enumerate().map(|(k, (n, d))| (n.to_string(), json!({"total": ms(d), "median": stage_median(k)}))).collect::<serde_json::Map<_, _>>(),
            "officials_ms_per_5k": per_5k,
        });
        if let Err(e) = std::fs::write(&out, v.to_string()) {
            eprintln!("throughput: {out}: {e}");
            std::process::exit(1);
        }
    }
}
