//! Mounts the page; everything else lives in the library so tests can reach it.

fn main() {
    console_error_panic_hook::set_once();
    // dist/index.html carries the page pre-rendered for readers without JavaScript. The live page
    // replaces it within this task, before the browser paints again, so nothing flashes.
    if let Some(body) = leptos::prelude::document().body() {
        body.replace_children_with_node_0();
    }
    leptos::mount::mount_to_body(|| leptos::view! { <yalu_atlas::App /> });
}
