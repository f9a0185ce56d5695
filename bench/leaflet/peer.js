// The bench's Leaflet peer of the atlas: the same places, lines and passages, drawn with
// Leaflet 1.9 as plain vector layers (no tiles) and shown in a side panel when a place is
// chosen. Its data comes as a script of its own, data.js (bench/peer.mjs writes it from the
// bake's `peer-data`), which sets the global YALU, the way Leaflet's own choropleth tutorial
// loads its us-states.js: the browser fetches it alongside Leaflet, and no JSON request waits
// for the scripts. Leaflet's CRS is Web Mercator, the atlas's projection.
'use strict';

const data = window.YALU;
const map = L.map('map', { zoomSnap: 0, zoomDelta: 0.5 });
map.attributionControl.addAttribution('Natural Earth');
map.fitBounds(data.frame);

// Context first, so the river and the places lie on top.
const LAND = { 'China': '#efe6cf', 'North Korea': '#dfe8d3' };
for (const country of data.countries) {
  L.polygon(country.rings, { interactive: false, color: '#9d978a', weight: 0.75, fillColor: LAND[country.name] ?? '#ece9e2', fillOpacity: 1 }).addTo(map);
}
L.polygon(data.reservoir, { interactive: false, color: '#2f6f9f', weight: 1, fillColor: '#cfe2ee', fillOpacity: 1 }).addTo(map);
L.polyline(data.tumen, { interactive: false, color: '#2f6f9f', weight: 1.25, opacity: 0.7 }).addTo(map);
L.polyline(data.other_borders, { interactive: false, color: '#8a8377', weight: 1, dashArray: '5 3' }).addTo(map);
L.polyline(data.border, { interactive: false, color: '#6d4b63', weight: 1.25, dashArray: '5 3' }).addTo(map);
for (const label of data.labels) {
  const text = document.createElement('span');
  text.textContent = label.text;
  L.marker(label.at, {
    icon: L.divIcon({ className: label.sea ? 'map-label sea' : 'map-label', html: text, iconSize: [0, 0] }),
    interactive: false,
    keyboard: false,
  }).addTo(map);
}

const panel = document.getElementById('place');
const intro = document.getElementById('intro');
const markers = new Map();

/** Shows a place's names, summary and every passage that names it; marks its marker. */
function choose(place) {
  for (const [id, marker] of markers) marker.getElement().setAttribute('aria-pressed', String(id === place.id));
  const heading = document.createElement('h2');
  heading.tabIndex = -1;
  heading.textContent = place.name;
  for (const n of place.native) {
    const span = document.createElement('span');
    span.lang = n.lang;
    span.textContent = n.text;
    heading.append(' ', span);
  }
  const summary = document.createElement('p');
  summary.className = 'summary';
  summary.textContent = place.summary;
  const count = document.createElement('p');
  const n = place.passages.length;
  count.textContent = n ? `${n} passage${n === 1 ? '' : 's'} name ${place.name}` : `No passage names ${place.name} yet`;
  const list = document.createElement('ol');
  list.className = 'passages';
  for (const passage of place.passages) {
    const quote = document.createElement('blockquote');
    // Even pieces are plain text, odd ones the place's name as the text writes it.
    passage.text.forEach((piece, i) => {
      if (i % 2) {
        const mark = document.createElement('mark');
        mark.textContent = piece;
        quote.append(mark);
      } else quote.append(piece);
    });
    const credit = document.createElement('p');
    credit.className = 'credit';
    credit.textContent = passage.credit;
    const item = document.createElement('li');
    item.className = 'passage';
    item.append(quote, credit);
    list.append(item);
  }
  panel.replaceChildren(heading, summary, count, list);
  intro.hidden = true;
  panel.hidden = false;
  heading.focus();
}

const yalu = data.places.find((p) => p.id === 'yalu');
L.polyline(data.yalu, { color: '#2f6f9f', weight: 2.5 }).on('click', () => choose(yalu)).addTo(map);

// Every place is a marker (the river's sits on its label), a keyboard-focusable button named
// after it: Leaflet gives a marker's icon role="button" and a tab stop; its text is its name.
for (const place of data.places) {
  const name = document.createElement('span');
  name.textContent = place.name;
  const marker = L.marker(place.at, {
    icon: L.divIcon({ className: `place ${place.kind} ${place.rank}${place.label_left ? ' left' : ''}`, html: name, iconSize: [0, 0] }),
    riseOnHover: true,
  });
  marker.on('click', () => choose(place));
  marker.on('keydown', (e) => {
    if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
      e.originalEvent.preventDefault();
      choose(place);
    }
  });
  marker.addTo(map);
  marker.getElement().setAttribute('aria-pressed', 'false');
  markers.set(place.id, marker);
}

document.documentElement.classList.add('live');
