//! The page's DOM contract: every id, class and selector that the pre-rendered components write
//! and the live page looks up, written once. Both sides import it, so a rename cannot leave one
//! of them looking for an element that is no longer there.

/// The polite live region that says what opened and, while reading, a paragraph's places.
pub const STATUS: &str = "status";
/// The panel's container (class).
pub const PANEL: &str = "panel";
/// The panel's overview: the stories and the places.
pub const OVERVIEW: &str = "overview";
/// The reader view's container.
pub const READER: &str = "reader";
/// The bar above the reader: progress, stepping and following.
pub const STORY_BAR: &str = "story-bar";
/// "Paragraph 7 of 31", in the story bar.
pub const PROGRESS: &str = "story-progress";
/// The "Previous place" button.
pub const PREVIOUS_PLACE: &str = "previous-place";
/// The "Next place" button.
pub const NEXT_PLACE: &str = "next-place";
/// The "Follow the text" toggle.
pub const FOLLOW: &str = "follow-text";
/// The note that following is paused, beside the "Follow the text" toggle.
pub const FOLLOW_PAUSED: &str = "follow-paused";
/// Class on the root element while the reader has hidden the map (phones).
pub const MAP_HIDDEN: &str = "map-hidden";
/// The "Hide the map" toggle shown on phones while reading.
pub const MAP_TOGGLE: &str = "map-toggle";
/// The link from a place opened in the reader back to the paragraph it was opened from.
pub const BACK_TO_TEXT: &str = "back-to-text";
/// The handle of the bottom sheet on narrow screens.
pub const SHEET_TOGGLE: &str = "sheet-toggle";
/// The map region (class).
pub const MAP: &str = "map";
/// The map's SVG (class).
pub const MAP_SVG: &str = "map-svg";
/// The layer of the map that zooms with it (class).
pub const ZOOMED: &str = "zoomed";
/// The map's clip path that hides the overview where detail tiles are drawn.
pub const OVERVIEW_CLIP: &str = "overview-clip";
/// A reference to it, for `clip-path`.
pub const OVERVIEW_CLIP_URL: &str = "url(#overview-clip)";
/// The layer of pins, scaled to CSS pixels (class).
pub const PINS: &str = "pins";
/// The layer of pins a pan moves (class).
pub const PINS_OFFSET: &str = "pins-offset";
/// The zoom buttons' group (class).
pub const ZOOM_CONTROLS: &str = "zoom-controls";
/// The zoom-in button.
pub const ZOOM_IN: &str = "zoom-in";
/// The zoom-out button.
pub const ZOOM_OUT: &str = "zoom-out";
/// The reset-view button.
pub const ZOOM_RESET: &str = "zoom-reset";
/// The scale bar's drawing.
pub const SCALE_BAR: &str = "scale-bar";
/// The river's label on the map.
pub const RIVER_LABEL: &str = "river-label";
/// The map's keyboard help.
pub const MAP_HELP: &str = "map-help";
/// A paragraph of the reader (class).
pub const PARAGRAPH: &str = "paragraph";
/// An article in the reader (class).
pub const ARTICLE: &str = "article";
/// Class on the root element once the live page has taken the page over.
pub const LIVE: &str = "live";
/// Class on the root element while the reader is open (the phone layout pins the map).
pub const READING: &str = "reading";

/// `.name`, the selector of a class.
pub fn class(name: &str) -> String {
    format!(".{name}")
}

/// The id of a place's heading, which takes focus when the place opens.
pub fn heading_id(place_id: &str) -> String {
    format!("heading-{place_id}")
}

/// The id of a place's control on the map.
pub fn marker_id(place_id: &str) -> String {
    format!("marker-{place_id}")
}

/// The id of an article's title in the reader.
pub fn title_id(article_id: &str) -> String {
    format!("title-{article_id}")
}
