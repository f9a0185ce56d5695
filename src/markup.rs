//! Clean-up of the server-rendered HTML before it is written into the page.

/// `html` without Leptos' hydration markers, the empty comments `<!>` that server rendering
/// leaves between dynamic children. The live page takes the pre-rendered page over in place and
/// does not hydrate, so they serve nothing, and the HTML standard calls them bogus comments.
/// Only markers in text position go: text is escaped (`&lt;!&gt;`) and stays; so does anything
/// inside a tag (quoted attribute values included), a real comment, or a `<script>` or `<style>`.
pub fn strip_hydration_markers(html: &str) -> String {
    const MARKER: &str = "<!>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with(MARKER) {
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
    out
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
    use super::strip_hydration_markers as strip;

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
