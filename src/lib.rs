//! Yalu Border Atlas: a story map of the Yalu River on the China–North Korea border.

pub mod atlas;
pub mod map;
pub mod panel;
pub mod route;

use leptos::prelude::*;
use route::Route;

/// The URL hash now, or nothing outside a browser (as when pre-rendering at build time).
fn current_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Shows `to`. In a browser this goes through the URL hash, so the route can be linked to and
/// Back and Forward step through it; the `hashchange` listener in [`App`] then sets the signal.
pub fn go(route: RwSignal<Route>, to: Route) {
    let hash = match to.to_hash() {
        h if h.is_empty() => "#/".to_owned(),
        h => h,
    };
    match web_sys::window() {
        Some(w) if w.location().hash().ok().as_deref() != Some(hash.as_str()) => {
            let _ = w.location().set_hash(&hash);
        }
        _ => route.set(to),
    }
}

/// Moves keyboard focus to the element with this id once the pending render is on screen.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let Some(el) = document().get_element_by_id(&id) else {
            return;
        };
        // Panel headings are HTML; markers are SVG: both can take focus.
        if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
            let _ = svg.focus();
        }
    });
}

/// The page: the map fills the window, the panel shows the chosen place or the reader.
/// `prerendered` adds, for readers without JavaScript or WebAssembly, every place's passages
/// as sections that the URL hash shows (`:target`).
#[component]
pub fn App(#[prop(optional)] prerendered: bool) -> impl IntoView {
    // The one route of the page; map and panel both follow it.
    let route = RwSignal::new(Route::parse(&current_hash()));
    // Only in the browser: at build time the page is rendered natively, without a window.
    #[cfg(target_arch = "wasm32")]
    {
        let _ = window_event_listener(leptos::ev::hashchange, move |_| {
            route.set(Route::parse(&current_hash()))
        });
        let _ = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" && route.get_untracked() != Route::Overview {
                go(route, Route::Overview);
            }
        });
    }
    let selected = Memo::new(move |_| route.get().place());
    view! {
        <header class="masthead">
            <h1>"Yalu Border Atlas"</h1>
            <nav class="place-list" aria-label="Places, from the source of the Yalu to its mouth">
                <ul>
                    {atlas::places_downstream()
                        .into_iter()
                        .map(|p| {
                            view! {
                                <li>
                                    <a
                                        href=Route::Place(p).to_hash()
                                        aria-current=move || (selected.get() == Some(p)).then_some("true")
                                    >
                                        {p.name}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <main class="layout">
            <map::Map selected=selected route=route />
            <panel::Panel route=route prerendered=prerendered />
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || route.get().announcement()}
            </p>
        </main>
    }
}
