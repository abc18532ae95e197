//! Native command line: runs the same analysis as the extension on HTML files.
//!
//!   newsmark analyze FILE.html [URL]          print the analysis as JSON
//!   newsmark text FILE.html                   print the main text the analysis reads
//!   newsmark eval-pages INDEX.jsonl OUT.json  predictions for every page of an index

use newsmark::{analysis, page::html};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") if args.len() >= 2 => {
            let src = std::fs::read_to_string(&args[1])
                .unwrap_or_else(|e| die(&format!("{}: {e}", args[1])));
            let url = args.get(2).map(String::as_str).unwrap_or("");
            let a = analysis::analyze(&html::read_html(&src, url));
            println!("{}", serde_json::to_string_pretty(&a).unwrap());
        }
        Some("text") if args.len() >= 2 => {
            let src = std::fs::read_to_string(&args[1]).unwrap_or_else(|e| die(&format!("{}: {e}", args[1])));
            println!("{}", newsmark::analysis::content::extract(&html::read_html(&src, "")).text);
        }
        Some("eval-pages") if args.len() >= 3 => eval_pages(&args[1], &args[2]),
        _ => die(
            "usage: newsmark analyze FILE.html [URL] | newsmark text FILE.html | newsmark eval-pages INDEX.jsonl OUT.json",
        ),
    }
}

fn die(msg: &str) -> ! {
    eprintln!("newsmark: {msg}");
    std::process::exit(2)
}

fn eval_pages(index: &str, out: &str) {
    let dir = std::path::Path::new(index)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let text = std::fs::read_to_string(index).unwrap_or_else(|e| die(&format!("{index}: {e}")));
    let mut preds = serde_json::Map::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let entry: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| die(&format!("{index}: {e}")));
        let id = entry["id"].as_str().unwrap_or_default().to_string();
        let path = dir.join(entry["html"].as_str().unwrap_or_default());
        let url = entry["url"].as_str().unwrap_or_default();
        let value = match std::fs::read(&path) {
            Ok(bytes) => {
                let src = String::from_utf8_lossy(&bytes);
                // One page's failure is that page's error, not the run's.
                match std::panic::catch_unwind(|| analysis::analyze(&html::read_html(&src, url))) {
                    Ok(a) => serde_json::to_value(a).unwrap(),
                    Err(e) => {
                        let msg = e
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
                        serde_json::json!({ "error": format!("panic: {}", msg.unwrap_or_default()) })
                    }
                }
            }
            Err(e) => serde_json::json!({ "error": format!("{}: {e}", path.display()) }),
        };
        preds.insert(id, value);
    }
    let mut f = std::fs::File::create(out).unwrap_or_else(|e| die(&format!("{out}: {e}")));
    f.write_all(serde_json::to_string(&preds).unwrap().as_bytes())
        .unwrap();
    eprintln!("wrote {} predictions to {out}", preds.len());
}
