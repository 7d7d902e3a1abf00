// Zone editor of the camera view: the camera's saved zones drawn over the frame, and, in edit mode, polygons drawn by
// clicking (or tapping) on the picture, vertices dragged with pointer events, named and typed in a keyboard-usable
// list, saved with PUT /cameras/{id}/zones. The draft lives here and in sessionStorage, apart from the frame and the
// detection overlay that live updates redraw, so neither an update nor a reload of the frame loses unsaved work. Zones
// with an open violation episode are marked (highlight).
const SVG = 'http://www.w3.org/2000/svg';
export const ZONE_TYPES = ['bike_lane', 'bus_lane', 'crosswalk', 'box', 'no_standing', 'sidewalk', 'roadway'];
const DRAFT_STORE = 'vibecheck.zoneDraft.';
const MAX_UNDO = 100;

function el(name, attrs = {}, text) {
  const node = name.startsWith('svg:') ? document.createElementNS(SVG, name.slice(4)) : document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(id, text, cls = 'secondary') { return el('button', { type: 'button', id, class: cls }, text); }

const copyOf = zones => zones.map(z => ({ name: z.name, type: z.type, points: z.points.map(p => [p[0], p[1]]), closed: z.closed !== false }));

// deps: json(path) -> body, send(path, method, body) -> Response (with the key; asks for one on 401/403),
// cameras() -> [{id, name}] for "copy from".
export function createZoneEditor({ layer, panel, json, send, cameras }) {
  const s = { id: null, width: 352, height: 240, saved: [], zones: [], editing: false, dirty: false, current: null, vertex: null, undo: [], errors: new Map(), drag: null, violating: new Set() };
  const ui = buildPanel();

  // --- State changes ---------------------------------------------------------------------------------------------
  function change(mutate) {
    s.undo.push(JSON.stringify({ zones: s.zones, current: s.current }));
    if (s.undo.length > MAX_UNDO) s.undo.shift();
    mutate();
    s.dirty = true;
    s.errors.clear();
    keepDraft();
    render();
  }

  function undo() {
    const last = s.undo.pop();
    if (!last) return;
    ({ zones: s.zones, current: s.current } = JSON.parse(last));
    s.vertex = null;
    s.dirty = true;
    keepDraft();
    render();
  }

  function keepDraft() {
    if (s.id) sessionStorage.setItem(DRAFT_STORE + s.id, JSON.stringify(s.zones));
  }

  function dropDraft() {
    if (s.id) sessionStorage.removeItem(DRAFT_STORE + s.id);
    s.dirty = false;
    s.undo = [];
  }

  // --- Opening a camera ------------------------------------------------------------------------------------------
  async function open(id) {
    if (id === s.id) return;
    s.id = id;
    s.editing = false;
    s.current = null;
    s.vertex = null;
    s.undo = [];
    s.errors.clear();
    s.saved = [];
    s.violating = new Set();
    const draft = sessionStorage.getItem(DRAFT_STORE + id);
    s.zones = draft ? JSON.parse(draft) : [];
    s.dirty = Boolean(draft);
    render();
    try {
      const saved = (await json(`/cameras/${id}/zones`)).map(z => ({ ...z, closed: true }));
      if (s.id !== id) return;
      s.saved = saved;
      if (!s.dirty) s.zones = copyOf(saved);
      status(s.dirty ? 'Unsaved changes restored.' : '');
    } catch (e) {
      status(`Zones not available (${e.problem?.detail ?? e.status ?? e.message}).`);
    }
    render();
  }

  /** Marks the zones named in `names` (those of the camera's open violation episodes) in the picture. */
  function highlight(names) {
    s.violating = new Set(names);
    render();
  }

  function frameSize(width, height) {
    if (width === s.width && height === s.height) return;
    s.width = width;
    s.height = height;
    render();
  }

  // --- Drawing with the pointer ----------------------------------------------------------------------------------
  function toFrame(event) {
    const matrix = layer.getScreenCTM();
    if (!matrix) return null;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    // Whole pixels: the frame is 352×240, finer positions are noise from the display's scaling.
    const clamp = (v, max) => Math.round(Math.min(Math.max(v, 0), max));
    return [clamp(p.x, s.width), clamp(p.y, s.height)];
  }

  function onPointerDown(event) {
    if (!s.editing || event.button > 0) return;
    event.preventDefault();
    const target = event.target;
    const point = toFrame(event);
    if (!point) return;
    if (target.classList.contains('vertex')) {
      const zone = Number(target.dataset.index), vertex = Number(target.dataset.vertex);
      const shape = s.zones[zone];
      if (zone === s.current && vertex === 0 && !shape.closed && shape.points.length >= 3) { closeShape(); return; }
      s.vertex = { zone, vertex };
      s.drag = { zone, vertex, pointer: event.pointerId, moved: false };
      layer.setPointerCapture(event.pointerId);
      render();
      return;
    }

    if (target.classList.contains('zone') && s.current === null) {
      s.current = Number(target.dataset.index);
      s.vertex = null;
      render();
      focusItem(s.current);
      return;
    }

    change(() => {
      if (s.current === null || s.zones[s.current]?.closed) {
        s.zones.push({ name: freeName(), type: ZONE_TYPES[0], points: [], closed: false });
        s.current = s.zones.length - 1;
      }
      s.zones[s.current].points.push(point);
      s.vertex = { zone: s.current, vertex: s.zones[s.current].points.length - 1 };
    });
  }

  function onPointerMove(event) {
    const drag = s.drag;
    if (!drag || event.pointerId !== drag.pointer) return;
    const point = toFrame(event);
    if (!point) return;
    if (!drag.moved) {
      // One undo step per drag, taken when the vertex first moves.
      s.undo.push(JSON.stringify({ zones: s.zones, current: s.current }));
      drag.moved = true;
    }
    s.zones[drag.zone].points[drag.vertex] = point;
    s.dirty = true;
    s.errors.clear();
    render();
  }

  function onPointerUp(event) {
    if (!s.drag || event.pointerId !== s.drag.pointer) return;
    if (layer.hasPointerCapture(event.pointerId)) layer.releasePointerCapture(event.pointerId);
    if (s.drag.moved) keepDraft();
    s.drag = null;
  }

  function closeShape() {
    const zone = s.zones[s.current];
    if (!zone || zone.closed) return;
    if (zone.points.length < 3) { status('A zone needs at least 3 points.'); return; }
    const index = s.current;
    change(() => { zone.closed = true; s.current = null; s.vertex = null; });
    status(`Zone ${index + 1} closed: name it and pick its type.`);
    focusItem(index);
  }

  function deleteVertex() {
    if (!s.vertex) { status('Select a point first (click it).'); return; }
    const { zone, vertex } = s.vertex;
    change(() => {
      const shape = s.zones[zone];
      shape.points.splice(vertex, 1);
      if (shape.points.length === 0) { s.zones.splice(zone, 1); s.current = null; } else if (shape.points.length < 3) shape.closed = false;
      s.vertex = null;
    });
  }

  function freeName() {
    const names = new Set(s.zones.map(z => z.name));
    let n = s.zones.length + 1;
    while (names.has(`zone ${n}`)) n++;
    return `zone ${n}`;
  }

  // --- Saving ----------------------------------------------------------------------------------------------------
  async function save() {
    if (s.zones.some(z => !z.closed)) { status('Close every shape before saving (or undo it).'); return; }
    status('Saving…');
    const body = s.zones.map(z => ({ name: z.name, type: z.type, points: z.points }));
    let response;
    try { response = await send(`/cameras/${s.id}/zones`, 'PUT', body); } catch (e) { status(`Not saved: ${e.message}`); return; }
    const answer = await response.json().catch(() => null);
    if (response.ok) {
      s.saved = answer.map(z => ({ ...z, closed: true }));
      s.zones = copyOf(s.saved);
      dropDraft();
      s.errors.clear();
      s.current = null;
      s.vertex = null;
      status(`Saved ${s.zones.length} zone${s.zones.length === 1 ? '' : 's'}.`);
    } else {
      s.errors.clear();
      const general = [];
      for (const error of answer?.zoneErrors ?? (answer?.errors ?? []).map(message => ({ zone: null, message }))) {
        if (error.zone === null || error.zone === undefined || !s.zones[error.zone]) general.push(error.message);
        else s.errors.set(error.zone, [...(s.errors.get(error.zone) ?? []), error.message]);
      }
      status(`Not saved: ${general.join('; ') || answer?.title || response.status}${s.errors.size ? ' (see the zones marked)' : ''}`);
    }
    render();
  }

  function discard() {
    s.zones = copyOf(s.saved);
    s.current = null;
    s.vertex = null;
    s.errors.clear();
    dropDraft();
    status('Changes discarded.');
    render();
  }

  async function copyFrom() {
    const from = ui.copyFrom.value;
    if (!from) { status('Pick a camera to copy from.'); return; }
    let zones;
    try { zones = await json(`/cameras/${from}/zones`); } catch (e) { status(`Could not read its zones (${e.problem?.detail ?? e.status ?? e.message}).`); return; }
    change(() => { s.zones = copyOf(zones); s.current = null; s.vertex = null; });
    status(`Copied ${zones.length} zone${zones.length === 1 ? '' : 's'}; adjust them and save.`);
  }

  // --- Rendering -------------------------------------------------------------------------------------------------
  function render() {
    layer.setAttribute('viewBox', `0 0 ${s.width} ${s.height}`);
    layer.classList.toggle('editing', s.editing);
    layer.dataset.mode = s.editing ? 'edit' : 'view';
    layer.dataset.dirty = String(s.dirty);
    const shown = s.editing || s.dirty ? s.zones : s.saved;
    const nodes = [];
    shown.forEach((zone, index) => {
      const points = zone.points.map(p => p.join(',')).join(' ');
      const invalid = s.errors.has(index);
      const cls = `zone zone-${zone.type}${invalid ? ' invalid' : ''}${index === s.current ? ' current' : ''}${s.violating.has(zone.name) ? ' violating' : ''}`;
      nodes.push(el(zone.closed ? 'svg:polygon' : 'svg:polyline', { class: cls, points, 'data-index': index }));
      const [x, y] = zone.points[0] ?? [0, 0];
      nodes.push(el('svg:text', { class: 'zone-label', x: x + 2, y: Math.min(s.height - 2, y + 10) }, `${zone.name} (${zone.type})`));
      if (invalid) {
        // Beside the shape, without the "zone 1 'name':" the list already shows, anchored so it stays inside the frame.
        const right = Math.max(...zone.points.map(p => p[0]));
        const text = s.errors.get(index)[0].replace(/^zone \d+( '[^']*')?: /, '');
        const anchor = x > s.width / 2 ? { x: right, 'text-anchor': 'end' } : { x: x + 2 };
        nodes.push(el('svg:text', { class: 'zone-error-label', ...anchor, y: Math.min(s.height - 2, y + 21), 'data-index': index }, `⚠ ${text}`));
      }
      if (!s.editing) return;
      zone.points.forEach(([px, py], vertex) => {
        const selected = s.vertex?.zone === index && s.vertex?.vertex === vertex;
        nodes.push(el('svg:circle', { class: `vertex${selected ? ' selected' : ''}${vertex === 0 && !zone.closed ? ' first' : ''}`, cx: px, cy: py, r: 4, 'data-index': index, 'data-vertex': vertex }));
      });
    });
    layer.replaceChildren(...nodes);
    renderPanel();
  }

  function renderPanel() {
    ui.edit.textContent = s.editing ? 'Stop editing' : 'Edit zones';
    ui.edit.setAttribute('aria-pressed', String(s.editing));
    ui.body.hidden = !s.editing;
    ui.save.disabled = !s.dirty;
    ui.discard.disabled = !s.dirty;
    ui.undo.disabled = s.undo.length === 0;
    ui.close.disabled = s.current === null || s.zones[s.current]?.closed !== false;
    ui.deleteVertex.disabled = !s.vertex;
    ui.removeAll.disabled = s.zones.length === 0;
    const focused = document.activeElement;
    const keep = focused && ui.list.contains(focused) ? { index: focused.closest('li')?.dataset.index, name: focused.name } : null;
    ui.list.replaceChildren(...s.zones.map((zone, index) => zoneItem(zone, index)));
    if (keep) ui.list.querySelector(`li[data-index="${keep.index}"] [name="${keep.name}"]`)?.focus();
    if (!s.editing) return;
    const options = [el('option', { value: '' }, 'another camera…')];
    for (const camera of cameras()) if (camera.id !== s.id) options.push(el('option', { value: camera.id }, camera.name));
    if (ui.copyFrom.options.length !== options.length) {
      const chosen = ui.copyFrom.value;
      ui.copyFrom.replaceChildren(...options);
      ui.copyFrom.value = chosen;
    }
  }

  function zoneItem(zone, index) {
    const item = el('li', { class: `zone-item${index === s.current ? ' current' : ''}${s.errors.has(index) ? ' invalid' : ''}`, 'data-index': index });
    const name = el('input', { type: 'text', name: 'name', 'aria-label': `Name of zone ${index + 1}`, maxlength: '64' });
    name.value = zone.name;
    name.addEventListener('change', () => change(() => { zone.name = name.value.trim(); }));
    const type = el('select', { name: 'type', 'aria-label': `Type of zone ${index + 1}` });
    type.replaceChildren(...ZONE_TYPES.map(t => el('option', { value: t }, t.replace('_', ' '))));
    type.value = zone.type;
    type.addEventListener('change', () => change(() => { zone.type = type.value; }));
    const remove = el('button', { type: 'button', name: 'remove', class: 'secondary', 'aria-label': `Remove zone ${index + 1}` }, 'Remove');
    remove.addEventListener('click', () => change(() => { s.zones.splice(index, 1); s.current = null; s.vertex = null; }));
    item.append(el('span', { class: 'zone-number' }, `${index + 1}.`), name, type,
      el('span', { class: 'muted' }, `${zone.points.length} points${zone.closed ? '' : ', open'}`), remove);
    for (const message of s.errors.get(index) ?? []) item.appendChild(el('p', { class: 'zone-error', role: 'alert' }, message));
    return item;
  }

  function focusItem(index) { ui.list.querySelector(`li[data-index="${index}"] input[name="name"]`)?.focus(); }

  function status(text) { ui.status.textContent = text; }

  function buildPanel() {
    const row = (...children) => { const div = el('div', { class: 'zone-actions' }); div.append(...children); return div; };
    const edit = button('zone-edit', 'Edit zones');
    edit.setAttribute('aria-controls', 'zone-panel');
    const ui = {
      edit,
      body: el('div', { id: 'zone-panel', class: 'zone-panel' }),
      close: button('zone-close', 'Close shape'),
      deleteVertex: button('zone-delete-vertex', 'Delete point'),
      undo: button('zone-undo', 'Undo'),
      removeAll: button('zone-remove-all', 'Remove all zones'),
      list: el('ol', { id: 'zone-list', class: 'zone-list', 'aria-label': 'Zones' }),
      copyFrom: el('select', { id: 'zone-copy-from', 'aria-label': 'Camera to copy zones from' }),
      copy: button('zone-copy', 'Copy its zones'),
      save: button('zone-save', 'Save zones', ''),
      discard: button('zone-discard', 'Discard changes'),
      status: el('p', { id: 'zone-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    };
    ui.body.hidden = true;
    ui.body.append(
      el('p', { class: 'muted', id: 'zone-help' }, 'Click or tap on the picture to add points; click the first point or "Close shape" to finish. ' +
        'Drag a point to move it; click one and press "Delete point" (or Delete) to remove it.'),
      row(ui.close, ui.deleteVertex, ui.undo, ui.removeAll), ui.list, row(ui.copyFrom, ui.copy), row(ui.save, ui.discard));
    panel.replaceChildren(row(edit), ui.body, ui.status);
    return ui;
  }

  function wire() {
    ui.edit.addEventListener('click', () => { s.editing = !s.editing; if (!s.editing) { s.current = null; s.vertex = null; } render(); });
    ui.close.addEventListener('click', closeShape);
    ui.deleteVertex.addEventListener('click', deleteVertex);
    ui.undo.addEventListener('click', undo);
    ui.removeAll.addEventListener('click', () => { change(() => { s.zones = []; s.current = null; s.vertex = null; }); status('All zones removed: save to apply, or undo.'); });
    ui.copy.addEventListener('click', copyFrom);
    ui.save.addEventListener('click', save);
    ui.discard.addEventListener('click', discard);
    layer.addEventListener('pointerdown', onPointerDown);
    layer.addEventListener('pointermove', onPointerMove);
    layer.addEventListener('pointerup', onPointerUp);
    layer.addEventListener('pointercancel', onPointerUp);
    document.addEventListener('keydown', event => {
      if (!s.editing || event.target.closest?.('input, select, textarea, button')) return;
      if ((event.key === 'Delete' || event.key === 'Backspace') && s.vertex) { event.preventDefault(); deleteVertex(); }
      else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') { event.preventDefault(); undo(); }
    });
  }

  wire();
  render();
  return { open, frameSize, highlight };
}
