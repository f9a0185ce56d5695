//! Story mode's pure logic: which paragraph of the reader is current for a scroll position, and
//! where the previous or next paragraph that names a place is. No browser here: the live page
//! (`islands::story_mode`) feeds it what one IntersectionObserver reports and applies its
//! answers; the tests below check it natively.
//!
//! Paragraphs are `ParagraphIndex`es, numbered across all articles in reading order (the reader
//! shows the articles one after another).

use crate::atlas::{paragraph_count, paragraph_places, ParagraphIndex};

/// Where the reading line sits: this fraction of the text column's visible height from its top.
pub const READING_LINE: f32 = 0.4;

/// Whether the map follows the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Following {
    /// It does.
    On,
    /// The reader moved the map; it waits for "Follow the text" or a chosen paragraph.
    Paused,
    /// The reader turned it off.
    Off,
}

impl Following {
    /// What the "Follow the text" toggle makes of it: on from paused or off, off from on.
    pub fn toggled(self) -> Following {
        match self {
            Following::On => Following::Off,
            Following::Paused | Following::Off => Following::On,
        }
    }
}

/// The current paragraph for paragraph tops `tops` (in reading order, in the same pixels as
/// `line`): the last one whose top is at or above the reading line, so a paragraph stays current
/// from the moment its top crosses the line until the next one's does, gaps between them
/// included. Before the first has reached the line, the first is current. `None` for no
/// paragraphs.
pub fn current_at(tops: &[f32], line: f32) -> Option<usize> {
    if tops.is_empty() {
        return None;
    }
    Some(tops.iter().rposition(|&top| top <= line).unwrap_or(0))
}

/// The paragraphs whose box lies at least partly above the reading line (and below the top of
/// the observed band), as an IntersectionObserver reports them: one change at a time, in any
/// order and in any grouping. Its answer depends only on the last state reported for each
/// paragraph, never on the order of the reports, so a fast fling, a jump or a reload ends on
/// the same paragraph as slow scrolling. With every paragraph's state up to date it is
/// `current_at` for the tops on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AboveLine {
    above: Vec<bool>,
}

impl AboveLine {
    /// Records whether paragraph `i` now reaches above the reading line.
    pub fn set(&mut self, i: ParagraphIndex, above: bool) {
        let i = i.get();
        if i >= self.above.len() {
            self.above.resize(i + 1, false);
        }
        self.above[i] = above;
    }

    /// The current paragraph: the last one reaching above the line; `None` when none does (the
    /// reader is hidden, or scrolled above its first paragraph).
    pub fn current(&self) -> Option<ParagraphIndex> {
        self.above
            .iter()
            .rposition(|&a| a)
            .map(|i| ParagraphIndex(i as u16))
    }
}

/// Whether paragraph `i` names a place.
fn names_a_place(i: usize) -> bool {
    !paragraph_places(ParagraphIndex(i as u16)).is_empty()
}

/// The next paragraph after `i` that names a place, across articles.
pub fn next_place(i: ParagraphIndex) -> Option<ParagraphIndex> {
    (i.get() + 1..paragraph_count())
        .find(|&j| names_a_place(j))
        .map(|j| ParagraphIndex(j as u16))
}

/// The last paragraph before `i` that names a place, across articles.
pub fn previous_place(i: ParagraphIndex) -> Option<ParagraphIndex> {
    (0..i.get().min(paragraph_count()))
        .rev()
        .find(|&j| names_a_place(j))
        .map(|j| ParagraphIndex(j as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toggle_turns_following_off_and_back_on() {
        assert_eq!(Following::On.toggled(), Following::Off);
        assert_eq!(Following::Off.toggled(), Following::On);
        assert_eq!(Following::Paused.toggled(), Following::On);
    }
    use proptest::prelude::*;

    #[test]
    fn the_paragraph_crossing_the_line_is_current_and_stays_so_through_the_gap_after_it() {
        // Three paragraphs, 100 px tall with 20 px between them.
        let tops = [0.0, 120.0, 240.0];
        assert_eq!(current_at(&tops, 50.0), Some(0));
        assert_eq!(
            current_at(&tops, 110.0),
            Some(0),
            "in the gap after the first"
        );
        assert_eq!(
            current_at(&tops, 120.0),
            Some(1),
            "a top on the line counts"
        );
        assert_eq!(current_at(&tops, 1000.0), Some(2));
        assert_eq!(current_at(&tops, -10.0), Some(0), "above the first");
        assert_eq!(current_at(&[], 10.0), None);
    }

    #[test]
    fn reports_in_any_order_give_the_same_paragraph() {
        let p = ParagraphIndex;
        let mut slow = AboveLine::default();
        for i in 0..5 {
            slow.set(p(i), true);
        }
        let mut fling = AboveLine::default();
        // A fast jump: one report of everything, the last paragraphs first.
        for i in (0..5).rev() {
            fling.set(p(i), true);
        }
        assert_eq!(slow.current(), Some(p(4)));
        assert_eq!(fling.current(), Some(p(4)));
        // Scrolling back up: the lower paragraphs drop below the line again.
        fling.set(p(4), false);
        fling.set(p(3), false);
        assert_eq!(fling.current(), Some(p(2)));
        assert_eq!(AboveLine::default().current(), None);
    }

    proptest! {
        /// Fed each paragraph's state in a shuffled order, the observer's model agrees with the
        /// positions: a paragraph reaches above the line when its top is at or above it and its
        /// bottom below the band's top.
        #[test]
        fn the_observer_model_agrees_with_the_positions(
            heights in proptest::collection::vec(10.0f32..400.0, 1..40),
            gap in 0.0f32..40.0,
            scroll in 0.0f32..8000.0,
            order in any::<u64>(),
        ) {
            let line = 300.0;
            let mut tops = Vec::new();
            let mut y = 0.0;
            for h in &heights {
                tops.push(y - scroll);
                y += h + gap;
            }
            let mut model = AboveLine::default();
            let mut ids: Vec<usize> = (0..tops.len()).collect();
            // A cheap shuffle from `order`.
            let n = ids.len();
            for i in 0..n {
                let j = ((order >> (i % 60)) as usize + i * 7) % n;
                ids.swap(i, j);
            }
            for i in ids {
                let (top, bottom) = (tops[i], tops[i] + heights[i]);
                model.set(ParagraphIndex(i as u16), top <= line && bottom > -500.0);
            }
            let expected = current_at(&tops, line);
            match model.current() {
                Some(c) => prop_assert_eq!(Some(c.get()), expected),
                // None above the line: the page is above its first paragraph, or a paragraph
                // taller than the band is scrolled past; positions still say the first or
                // that last one.
                None => prop_assert!(expected == Some(0) || tops.iter().all(|&t| t <= line)),
            }
        }
    }

    #[test]
    fn stepping_finds_the_paragraphs_that_name_places() {
        let named: Vec<ParagraphIndex> = (0..paragraph_count() as u16)
            .map(ParagraphIndex)
            .filter(|&i| !paragraph_places(i).is_empty())
            .collect();
        let step = |i: ParagraphIndex, by: i32| ParagraphIndex((i32::from(i.0) + by) as u16);
        assert!(named.len() > 2);
        for pair in named.windows(2) {
            assert_eq!(next_place(pair[0]), Some(pair[1]));
            assert_eq!(previous_place(pair[1]), Some(pair[0]));
            // From a paragraph between the two, too.
            if pair[1] > step(pair[0], 1) {
                assert_eq!(next_place(step(pair[0], 1)), Some(pair[1]));
                assert_eq!(previous_place(step(pair[1], -1)), Some(pair[0]));
            }
        }
        assert_eq!(next_place(*named.last().unwrap()), None);
        assert_eq!(previous_place(named[0]), None);
    }
}
