//! The masthead's place list, from the source of the Yalu to its mouth: a link each, the chosen
//! place's marked `aria-current`.

use super::Store;
use crate::atlas::{pin, DOWNSTREAM};
use crate::route::Route;
use leptos::prelude::*;

/// The place list.
#[island]
pub fn PlaceList() -> impl IntoView {
    let store = Store::get();
    view! {
        <nav class="place-list" aria-label="Places, from the source of the Yalu to its mouth">
            <ul>
                // An array, not a Vec: a fixed list renders no hydration marker after its items.
                {DOWNSTREAM
                    .map(|i| {
                        let route = Route::Place(i);
                        view! {
                            <li>
                                <a
                                    href=route.to_hash()
                                    aria-current=move || (store.shown() == route).then_some("true")
                                >
                                    {pin(i).name}
                                </a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}
