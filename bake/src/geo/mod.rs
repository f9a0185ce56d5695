//! Pure geometry: projection, simplification, river courses and SVG path data.

pub mod line;
pub mod projection;
pub mod simplify;
pub mod svg;
pub mod topology;

pub use line::{bank_of, chain, chainage_m, distance_m, length_m, RiverBank};
pub use projection::{Frame, LonLat, MapPoint};
pub use simplify::simplify;
