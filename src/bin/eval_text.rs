//! eval_text INPUT.jsonl OUT.json [--bench]: runs the officials analysis over texts
//! ({id, text, date} a line) and writes {id: {officials, people}} for
//! ../shared/ner/score_officials.py. --bench also prints the time per 5,000 characters.

use newsmark::analysis::people;
use newsmark::present;
use serde_json::{json, Map, Value};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.len() < 2 {
        eprintln!("usage: eval_text INPUT.jsonl OUT.json [--bench]");
        std::process::exit(2);
    }
    let input = match std::fs::read_to_string(files[0]) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: {e}", files[0]);
            std::process::exit(1);
        }
    };
    let mut docs = Vec::new();
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<Value>(line) {
            Ok(v) => {
                let id = v["id"].as_str().unwrap_or("").to_string();
                let text = v["text"].as_str().unwrap_or("").to_string();
                let date = v["date"].as_str().map(str::to_string);
                docs.push((id, text, date));
            }
            Err(e) => eprintln!("skipping a line: {e}"),
        }
    }
    let mut out = Map::new();
    for (id, text, date) in &docs {
        let p = people::find(text, date.as_deref());
        let offs: Vec<Value> = p
            .officials
            .iter()
            .map(|o| {
                json!({"name": o.name, "variants": o.variants, "role": o.role, "role_category": o.role_category,
                       "country": o.country, "former": o.former, "mentions": o.mentions, "role_source": o.role_source,
                       "office": present::office(o), "evidence": o.evidence,
                       "country_name": present::country_name(o), "data_until": o.data_until})
            })
            .collect();
        let people: Vec<Value> = p
            .people
            .iter()
            .map(|o| json!({"name": o.name, "variants": o.variants, "mentions": o.mentions}))
            .collect();
        out.insert(
            id.clone(),
            json!({"officials": offs, "people": people, "text_lang": p.text_lang, "officials_note": p.officials_note}),
        );
    }
    let text = serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default();
    if let Err(e) = std::fs::write(files[1], text) {
        eprintln!("{}: {e}", files[1]);
        std::process::exit(1);
    }
    if args.iter().any(|a| a == "--bench") {
        // Warm the data caches, then time whole passes over every text.
        let _ = people::find("warm up", None);
        let chars: usize = docs.iter().map(|d| d.1.chars().count()).sum();
        let rounds = 20;
        let t0 = Instant::now();
        for _ in 0..rounds {
            for (_, text, date) in &docs {
                std::hint::black_box(people::find(text, date.as_deref()));
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        let per5k = secs * 1000.0 / (rounds as f64) / (chars as f64 / 5000.0);
        println!(
            "{} texts, {} chars: {:.3} ms per 5,000 chars",
            docs.len(),
            chars,
            per5k
        );
    }
}
