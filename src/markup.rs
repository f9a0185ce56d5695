//! Clean-up of the server-rendered HTML before it is written into the page.

/// The element Leptos renders around an island, which hydrates in the browser.
const ISLAND: &str = "leptos-island";
/// The element Leptos renders around an island's server-rendered children, which hydration
/// passes over.
const CHILDREN: &str = "leptos-children";

/// `html` without Leptos' hydration markers, the empty comments `<!>` that server rendering
/// leaves between dynamic children. Outside the islands nothing hydrates, so they serve nothing,
/// and the HTML standard calls them bogus comments. Inside an island hydration would need them,
/// so a marker there is an error (the island's view should not put two texts side by side);
/// in an island's children nothing hydrates again, and they go.
/// Only markers in text position count: text is escaped (`&lt;!&gt;`) and stays; so does
/// anything inside a tag (quoted attribute values included), a real comment, or a `<script>`
/// or `<style>`.
pub fn strip_hydration_markers(html: &str) -> Result<String, String> {
    const MARKER: &str = "<!>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // The islands and islands' children the scan is inside, innermost last.
    let mut inside: Vec<&str> = Vec::new();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with(MARKER) {
            if inside.last() == Some(&ISLAND) {
                return Err(format!(
                    "a hydration marker <!> inside an island, at byte {}, after \"{}\": hydration needs it, and the page may not have it",
                    html.len() - rest.len(),
                    &html[..html.len() - rest.len()]
                        .chars()
                        .rev()
                        .take(80)
                        .collect::<String>()
                        .chars()
                        .rev()
                        .collect::<String>()
                ));
            }
            rest = &rest[MARKER.len()..];
            continue;
        }
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |e| e + 3)
        } else if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
        {
            // Not a tag: a `<` in text (which escaped text never holds).
            1
        } else if rest.starts_with("<!") {
            // A doctype or other declaration.
            rest.find('>').map_or(rest.len(), |e| e + 1)
        } else {
            let tag_end = tag_end(rest);
            let name = tag_name(rest);
            if name == ISLAND || name == CHILDREN {
                inside.push(if name == ISLAND { ISLAND } else { CHILDREN });
            } else if rest.starts_with(&format!("</{ISLAND}>"))
                || rest.starts_with(&format!("</{CHILDREN}>"))
            {
                inside.pop();
            }
            if name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style") {
                // Raw text: nothing in it is markup until the element's end tag.
                let close = format!("</{}", name.to_ascii_lowercase());
                rest[tag_end..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or(rest.len(), |c| tag_end + c)
            } else {
                tag_end
            }
        };
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The name of the start tag at the head of `s` (which starts with `<`), or "" if none.
fn tag_name(s: &str) -> &str {
    let name = &s[1..];
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(name.len());
    &name[..len]
}

/// The byte just past the `>` that ends the tag at the head of `s`, skipping quoted values.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::strip_hydration_markers;

    fn strip(html: &str) -> String {
        strip_hydration_markers(html).expect("no marker inside an island")
    }

    #[test]
    fn a_marker_inside_an_island_is_an_error_and_around_it_is_not() {
        let island = "<leptos-island data-component=\"A_1\"><p>a<!>b</p></leptos-island>";
        assert!(strip_hydration_markers(island).is_err());
        let nested = "<leptos-island><leptos-island></leptos-island>a<!>b</leptos-island>";
        assert!(strip_hydration_markers(nested).is_err());
        assert_eq!(
            strip("<p>x<!></p><leptos-island><p>ab</p></leptos-island><!>"),
            "<p>x</p><leptos-island><p>ab</p></leptos-island>"
        );
    }

    #[test]
    fn markers_in_an_islands_children_go_and_after_them_are_errors() {
        let island = "<leptos-island><p>a</p><leptos-children><p>a<!>b</p></leptos-children></leptos-island>";
        assert_eq!(
            strip(island),
            "<leptos-island><p>a</p><leptos-children><p>ab</p></leptos-children></leptos-island>"
        );
        let after = "<leptos-island><leptos-children></leptos-children>a<!>b</leptos-island>";
        assert!(strip_hydration_markers(after).is_err());
    }

    #[test]
    fn markers_between_children_go() {
        assert_eq!(strip("<p>a<!>b<!></p><!>"), "<p>ab</p>");
    }

    #[test]
    fn empty_and_marker_free_input_is_unchanged() {
        assert_eq!(strip(""), "");
        assert_eq!(
            strip("<p class=\"x\">plain</p>"),
            "<p class=\"x\">plain</p>"
        );
    }

    #[test]
    fn escaped_text_that_reads_like_a_marker_stays() {
        assert_eq!(strip("<p>&lt;!&gt; a<!></p>"), "<p>&lt;!&gt; a</p>");
    }

    #[test]
    fn attribute_values_stay_whole() {
        let html = "<a title=\"x <!> y\" data-q='<!>'>t</a><!>";
        assert_eq!(strip(html), "<a title=\"x <!> y\" data-q='<!>'>t</a>");
    }

    #[test]
    fn comments_scripts_and_styles_stay() {
        let html = "<!doctype html><!-- <!> --><script>a=\"<!>\"</script><style>/*<!>*/</style><!>";
        assert_eq!(
            strip(html),
            "<!doctype html><!-- <!> --><script>a=\"<!>\"</script><style>/*<!>*/</style>"
        );
    }

    #[test]
    fn a_lone_angle_bracket_or_unclosed_tag_does_not_panic() {
        assert_eq!(strip("a < b<!>"), "a < b");
        assert_eq!(strip("<p title=\"<!>"), "<p title=\"<!>");
        assert_eq!(strip("<"), "<");
    }
}
