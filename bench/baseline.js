// The bench's baseline page: the same pre-rendered HTML as the atlas, made live by a few lines
// of plain JavaScript instead of the WebAssembly. It is what the atlas is measured against.
const root = document.documentElement;
const show = () => {
  const path = location.hash.slice(1);
  document.getElementById('overview').hidden = path !== '' && path !== '/';
  for (const s of document.querySelectorAll('.place-section')) s.hidden = s.id !== path;
  document.getElementById('reader').hidden = !path.startsWith('/read/');
  for (const a of document.querySelectorAll('.marker, .river')) a.setAttribute('aria-pressed', String(a.getAttribute('href') === `#${path}`));
};
addEventListener('hashchange', show);
show();
const svg = document.querySelector('.map-svg');
const layer = svg.querySelector('.zoomed');
let from = null;
let at = [0, 0];
svg.addEventListener('pointerdown', (e) => (from = [e.clientX - at[0], e.clientY - at[1]]));
svg.addEventListener('pointermove', (e) => {
  if (!from) return;
  at = [e.clientX - from[0], e.clientY - from[1]];
  layer.setAttribute('transform', `translate(${at[0]} ${at[1]})`);
});
addEventListener('pointerup', () => (from = null));
root.classList.add('live');
