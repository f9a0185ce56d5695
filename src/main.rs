//! Starts the live page; everything else lives in the library so tests can reach it.

// SAFETY: the page runs on one thread (the wasm is built without threads), so the allocator is
// never used from two at once.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    // dist/index.html is the whole page, pre-rendered; its islands hydrate it in place.
    #[cfg(feature = "hydrate")]
    yalu_atlas::islands::hydrate();
}
