//! Simplifying countries that share borders, so that they still share them afterwards.
//!
//! Simplifying each country's rings on its own would pick different points along the border
//! two countries share, and leave slivers and gaps between them. Here all rings are taken as
//! one graph of points, cut into arcs at its nodes (a point with other than two neighbours:
//! where a coast meets a border, or one border another), and every arc is simplified once, in
//! one direction, whichever ring it comes from: a shared border comes out the same points in
//! both countries, and so does a border river simplified with them.

use super::projection::{LonLat, MapPoint};
use super::simplify::simplify;
use std::collections::{HashMap, HashSet};

/// A point's key on the degree grid the land is snapped to.
type Key = (i64, i64);

fn key(p: LonLat) -> Key {
    use crate::land::GRID_DEG;
    (
        (p.lon / GRID_DEG).round() as i64,
        (p.lat / GRID_DEG).round() as i64,
    )
}

/// How far from the line through its neighbours, in degrees (about 10 cm), a point may lie and
/// still be dropped as adding nothing. Boolean operations keep or drop such points along a
/// border differently in the two countries that share it; without them, both hold the same.
const COLLINEAR_DEG: f64 = 1e-6;

/// A closed ring without spikes: out to a point and back the same way, a line of no area that
/// cutting and snapping leave where two inputs almost met.
fn drop_spikes(ring: &[LonLat]) -> Vec<LonLat> {
    let mut kept: Vec<LonLat> = Vec::with_capacity(ring.len());
    for p in &ring[..ring.len().saturating_sub(1)] {
        let k = key(*p);
        if kept.len() >= 2 && key(kept[kept.len() - 2]) == k {
            kept.pop();
        } else if kept.last().map(|q| key(*q)) != Some(k) {
            kept.push(*p);
        }
    }
    if let Some(first) = kept.first().copied() {
        kept.push(first);
    }
    kept
}

/// A closed ring without spikes and without the points that lie on the line between their
/// neighbours.
fn drop_collinear(ring: &[LonLat]) -> Vec<LonLat> {
    let ring = drop_spikes(ring);
    let ring = ring.as_slice();
    let n = ring.len().saturating_sub(1);
    if n < 4 {
        return ring.to_vec();
    }
    let at = |p: LonLat| MapPoint { x: p.lon, y: p.lat };
    // Each point against its own neighbours, not the points kept: the same test whichever way
    // round the ring runs.
    let mut kept: Vec<LonLat> = vec![ring[0]];
    for i in 1..n {
        let (prev, here, next) = (ring[i - 1], ring[i], ring[i + 1]);
        if super::simplify::distance_to_segment(at(here), at(prev), at(next)) >= COLLINEAR_DEG {
            kept.push(here);
        }
    }
    kept.push(ring[0]);
    kept
}

/// Rings of several countries (each ring closed: its last point repeats its first), simplified
/// within `tolerance` map units after `project`, with every border two countries share kept
/// point for point the same in both; and with them open `lines` that run along the countries'
/// borders (a border river), each cut at the same nodes and its stretches simplified as the
/// same arcs, so where it runs along a border it is point for point the border drawn. Returns
/// the countries' rings in the same order (a ring that shrinks below three points is dropped),
/// and the lines.
pub fn simplify_with_lines(
    countries: &[Vec<Vec<LonLat>>],
    lines: &[Vec<LonLat>],
    project: impl Fn(LonLat) -> MapPoint,
    tolerance: f64,
) -> (Vec<Vec<Vec<MapPoint>>>, Vec<Vec<MapPoint>>) {
    // Every ring open (its first point not repeated), without spikes and collinear points.
    let rings: Vec<Vec<Vec<LonLat>>> = countries
        .iter()
        .map(|rings| {
            rings
                .iter()
                .map(|r| {
                    let mut r = drop_collinear(r);
                    r.pop();
                    r
                })
                .collect()
        })
        .collect();
    let rings = noded(rings);
    // The rings as one graph of points: a point with other than two neighbours is a node,
    // where a coast meets a border or one border another. Each stretch between two nodes is
    // one arc, whichever rings run along it.
    let mut neighbours: HashMap<Key, HashSet<Key>> = HashMap::new();
    let mut holders: HashMap<Key, usize> = HashMap::new();
    for ring in rings.iter().flatten() {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (key(ring[i]), key(ring[(i + 1) % n]));
            neighbours.entry(a).or_default().insert(b);
            neighbours.entry(b).or_default().insert(a);
            *holders.entry(a).or_default() += 1;
        }
    }
    let branches = |k: &Key| neighbours.get(k).is_some_and(|n| n.len() != 2);
    let natural = |ring: &[LonLat]| -> Vec<usize> {
        (0..ring.len())
            .filter(|&i| branches(&key(ring[i])))
            .collect()
    };
    // A ring shared all round has no node of its own (an island one country holds in another's
    // river): its smallest and largest points become nodes in every ring that holds them.
    let mut forced: HashSet<Key> = HashSet::new();
    for ring in rings.iter().flatten() {
        if ring.len() >= 3 && natural(ring).is_empty() && holders[&key(ring[0])] > 1 {
            let keys = ring.iter().map(|p| key(*p));
            forced.extend(keys.clone().min());
            forced.extend(keys.max());
        }
    }
    let mut arcs: HashMap<(Key, Key, usize), Vec<MapPoint>> = HashMap::new();
    let is_node = |p: LonLat| {
        let k = key(p);
        forced.contains(&k) || branches(&k)
    };
    let land = rings
        .iter()
        .map(|country| {
            country
                .iter()
                .filter_map(|ring| {
                    if ring.len() < 3 {
                        return None;
                    }
                    let nodes: Vec<usize> = (0..ring.len()).filter(|&i| is_node(ring[i])).collect();
                    let out = simplify_ring(ring, &nodes, &mut arcs, &project, tolerance);
                    (out.len() >= 4).then_some(out)
                })
                .collect()
        })
        .collect();
    let lines = lines
        .iter()
        .map(|line| {
            // Cut at the land's nodes, and at its own ends.
            let mut cuts: Vec<usize> = (1..line.len().saturating_sub(1))
                .filter(|&i| is_node(line[i]))
                .collect();
            cuts.insert(0, 0);
            cuts.push(line.len() - 1);
            let mut out: Vec<MapPoint> = Vec::new();
            for w in cuts.windows(2) {
                let stretch = simplify_arc(&line[w[0]..=w[1]], &mut arcs, &project, tolerance);
                let skip = usize::from(!out.is_empty());
                out.extend(stretch.into_iter().skip(skip));
            }
            out
        })
        .collect();
    (land, lines)
}

/// How close to another ring's edge, in degrees (about 1 cm), a point counts as lying on it.
const ON_EDGE_DEG: f64 = 1e-7;

/// The rings with every point of one that lies on another's edge added to that edge too, so
/// that where two rings touch they hold the same points (a corner of an island on a straight
/// stretch of the bank is a point of the bank as well).
fn noded(rings: Vec<Vec<Vec<LonLat>>>) -> Vec<Vec<Vec<LonLat>>> {
    const CELL: f64 = 0.01;
    let cell = |v: f64| (v / CELL).floor() as i64;
    let flat: Vec<&Vec<LonLat>> = rings.iter().flatten().collect();
    // Every edge, by the grid cells its bounding box covers.
    let mut grid: HashMap<(i64, i64), Vec<(usize, usize)>> = HashMap::new();
    for (r, ring) in flat.iter().enumerate() {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            for x in cell(a.lon.min(b.lon))..=cell(a.lon.max(b.lon)) {
                for y in cell(a.lat.min(b.lat))..=cell(a.lat.max(b.lat)) {
                    grid.entry((x, y)).or_default().push((r, i));
                }
            }
        }
    }
    // Points to add: by ring and edge, with where along the edge.
    let mut added: HashMap<(usize, usize), Vec<(f64, LonLat)>> = HashMap::new();
    let at = |p: LonLat| MapPoint { x: p.lon, y: p.lat };
    for (r, ring) in flat.iter().enumerate() {
        for p in ring.iter() {
            let Some(edges) = grid.get(&(cell(p.lon), cell(p.lat))) else {
                continue;
            };
            for &(other, i) in edges {
                if other == r {
                    continue;
                }
                let o = flat[other];
                let (a, b) = (o[i], o[(i + 1) % o.len()]);
                if key(*p) == key(a) || key(*p) == key(b) {
                    continue;
                }
                if super::simplify::distance_to_segment(at(*p), at(a), at(b)) < ON_EDGE_DEG {
                    let (dx, dy) = (b.lon - a.lon, b.lat - a.lat);
                    let t = ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / (dx * dx + dy * dy);
                    added.entry((other, i)).or_default().push((t, *p));
                }
            }
        }
    }
    let mut id = 0;
    rings
        .into_iter()
        .map(|country| {
            country
                .into_iter()
                .map(|ring| {
                    let mut out = Vec::with_capacity(ring.len());
                    for (i, p) in ring.iter().enumerate() {
                        out.push(*p);
                        if let Some(extra) = added.get_mut(&(id, i)) {
                            extra.sort_by(|x, y| x.0.total_cmp(&y.0));
                            extra.dedup_by_key(|e| key(e.1));
                            out.extend(extra.iter().map(|e| e.1));
                        }
                    }
                    id += 1;
                    out
                })
                .collect()
        })
        .collect()
}

/// One ring (open: its first point not repeated) cut at its `nodes`, closed again in the result.
fn simplify_ring(
    ring: &[LonLat],
    nodes: &[usize],
    arcs: &mut HashMap<(Key, Key, usize), Vec<MapPoint>>,
    project: &impl Fn(LonLat) -> MapPoint,
    tolerance: f64,
) -> Vec<MapPoint> {
    let n = ring.len();
    if nodes.is_empty() {
        // A ring of one country alone (an island, a coast): simplified as a whole.
        let mut closed: Vec<MapPoint> = ring.iter().map(|p| project(*p)).collect();
        closed.push(closed[0]);
        return simplify(&closed, tolerance);
    }
    let mut out: Vec<MapPoint> = Vec::new();
    for (j, &start) in nodes.iter().enumerate() {
        let end = if j + 1 < nodes.len() {
            nodes[j + 1]
        } else {
            nodes[0] + n
        };
        let arc: Vec<LonLat> = (start..=end).map(|i| ring[i % n]).collect();
        let simplified = simplify_arc(&arc, arcs, project, tolerance);
        if out.is_empty() {
            out.extend(simplified);
        } else {
            out.extend(simplified.into_iter().skip(1));
        }
    }
    out
}

/// One arc between two nodes, simplified the same way from either end: the arc is read from
/// its smaller end key, and the result is kept for the country on the other side.
fn simplify_arc(
    arc: &[LonLat],
    arcs: &mut HashMap<(Key, Key, usize), Vec<MapPoint>>,
    project: &impl Fn(LonLat) -> MapPoint,
    tolerance: f64,
) -> Vec<MapPoint> {
    let (a, b) = (key(arc[0]), key(arc[arc.len() - 1]));
    let forward = (a, key(arc[1])) <= (b, key(arc[arc.len() - 2]));
    let mut canonical: Vec<LonLat> = arc.to_vec();
    if !forward {
        canonical.reverse();
    }
    let id = (key(canonical[0]), key(canonical[1]), canonical.len());
    let simplified = arcs
        .entry(id)
        .or_insert_with(|| {
            let points: Vec<MapPoint> = canonical.iter().map(|p| project(*p)).collect();
            simplify(&points, tolerance)
        })
        .clone();
    if forward {
        simplified
    } else {
        simplified.into_iter().rev().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    fn plain(p: LonLat) -> MapPoint {
        MapPoint { x: p.lon, y: p.lat }
    }

    /// A wiggly border from (1, 0) to (1, 1): points a simplification drops.
    fn border() -> Vec<LonLat> {
        (0..=10)
            .map(|i| ll(1.0 + if i % 2 == 1 { 0.001 } else { 0.0 }, i as f64 / 10.0))
            .collect()
    }

    #[test]
    fn a_shared_border_comes_out_the_same_in_both_countries() {
        let b = border();
        // West: (0,0) → (1,0) → up the border → (1,1) → (0,1) → back.
        let mut west = vec![ll(0.0, 0.0)];
        west.extend(b.iter().copied());
        west.extend([ll(0.0, 1.0), ll(0.0, 0.0)]);
        // East runs the border the other way.
        let mut east = vec![ll(2.0, 1.0)];
        east.extend(b.iter().rev().copied());
        east.extend([ll(2.0, 0.0), ll(2.0, 1.0)]);
        let out = simplify_with_lines(&[vec![west], vec![east]], &[], plain, 0.01).0;
        let on_border = |r: &Vec<MapPoint>| {
            let mut pts: Vec<(i64, i64)> = r
                .iter()
                .filter(|p| p.x > 0.5 && p.x < 1.5)
                .map(|p| ((p.x * 1e6) as i64, (p.y * 1e6) as i64))
                .collect();
            pts.sort();
            pts.dedup();
            pts
        };
        assert_eq!(on_border(&out[0][0]), on_border(&out[1][0]));
        // The wiggle is within tolerance, so the border is its two ends alone.
        assert_eq!(on_border(&out[0][0]).len(), 2);
        // Rings stay closed.
        assert_eq!(out[0][0].first(), out[0][0].last());
    }

    #[test]
    fn an_island_is_simplified_as_a_ring() {
        let island = vec![
            ll(0.0, 0.0),
            ll(0.5, 0.0001),
            ll(1.0, 0.0),
            ll(1.0, 1.0),
            ll(0.0, 1.0),
            ll(0.0, 0.0),
        ];
        let out = simplify_with_lines(&[vec![island]], &[], plain, 0.01).0;
        assert_eq!(out[0][0].len(), 5);
    }
}
