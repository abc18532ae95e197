//! Web addresses: the one reading of a URL's host and path that metadata and the source
//! profile share, so the page's domain and the outlet looked up never disagree.

/// The host of a URL, lower case, without credentials, port or a trailing dot
/// ("https://u@www.Example.com:80/a" -> "www.example.com"). None without "scheme://" or
/// with an empty host.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The site a URL belongs to: its host without "www.", and only a host with a dot (a
/// bare "localhost" names no outlet).
pub fn site_of(url: &str) -> Option<String> {
    let host = host_of(url)?;
    let site = host.strip_prefix("www.").unwrap_or(&host);
    site.contains('.').then(|| site.to_string())
}

/// The path of a URL, without query or fragment ("https://x.org/a/b?c" -> "/a/b").
pub fn path_of(url: &str) -> &str {
    let Some((_, rest)) = url.split_once("://") else {
        return "";
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    rest.find('/').map_or("", |i| &rest[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_site_and_path() {
        assert_eq!(
            host_of("https://u@www.Example.com.:8080/a?b").as_deref(),
            Some("www.example.com")
        );
        assert_eq!(host_of("not a url"), None);
        assert_eq!(host_of("http:///a"), None);
        assert_eq!(
            site_of("https://www.Example.com/a").as_deref(),
            Some("example.com")
        );
        assert_eq!(site_of("http://localhost:3000/a"), None);
        assert_eq!(path_of("https://x.org/a/b?c#d"), "/a/b");
        assert_eq!(path_of("https://x.org?c"), "");
        assert_eq!(path_of("x.org/a"), "");
    }
}
