// The camera map: NYC's borough outlines (GET map/boroughs.geojson, made at build time from the Department of City
// Planning's boundaries) drawn by Leaflet without any tile server, so it pans and zooms offline and under the page's
// CSP; one circle per camera coloured by health (the CSS classes of the legend), a click opens the camera; and, when
// shown, a layer of violations in a time range below them: a circle per camera whose area grows with its count.
// Leaflet is the classic script lib/leaflet/leaflet.js (global L), loaded before the page's modules.
const L = window.L;

const BOROUGH_STYLE = { className: 'borough', color: '#a9a48f', weight: 1, fillColor: '#f3f1ea', fillOpacity: 1 };
// Violation circles: area proportional to the count, so a radius by its square root; capped so one camera cannot cover a borough.
const violationRadius = count => Math.min(6 + 3 * Math.sqrt(count), 30);
const violationLevel = count => (count >= 20 ? 'many' : count >= 5 ? 'some' : 'few');

export async function createCameraMap(container, { onOpen }) {
  const map = L.map(container, { renderer: L.svg({ padding: 0.5 }), zoomSnap: 0.25, minZoom: 9, maxZoom: 18 });
  map.attributionControl.setPrefix(false);
  const markers = new Map();
  const markerLayer = L.layerGroup();
  // Three layers of SVG: the boroughs at the bottom, the violations' circles over them, the camera dots (the overlay
  // pane, 400) on top, so a camera's dot stays clickable inside its circle and a circle's tooltip shows over land.
  map.createPane('boroughs').style.zIndex = 350;
  map.createPane('violations').style.zIndex = 390;
  const boroughRenderer = L.svg({ pane: 'boroughs', padding: 0.5 });
  const violationRenderer = L.svg({ pane: 'violations', padding: 0.5 });
  const violationLayer = L.layerGroup();
  const violationMarkers = new Map();
  let cameraById = new Map();
  let shownIds = null;
  try {
    const geo = await (await fetch('map/boroughs.geojson')).json();
    const boroughs = L.geoJSON(geo, {
      pane: 'boroughs',
      renderer: boroughRenderer,
      style: () => BOROUGH_STYLE,
      onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties.name, { sticky: true }),
    }).addTo(map);
    map.attributionControl.addAttribution(geo.attribution ?? 'NYC Department of City Planning');
    map.fitBounds(boroughs.getBounds());
    // Leaflet makes the paths once the map has a view.
    boroughs.eachLayer(layer => layer.getElement()?.setAttribute('data-borough', layer.feature.properties.name));
    map.setMaxBounds(boroughs.getBounds().pad(0.5));
  } catch {
    // The outlines are context; cameras still plot on their coordinates.
    map.setView([40.71, -73.95], 10);
  }
  markerLayer.addTo(map);
  container.dataset.state = 'drawn';

  return {
    /** Replaces the markers with one per camera of the registry. */
    setCameras(cameras) {
      markerLayer.clearLayers();
      markers.clear();
      cameraById = new Map(cameras.map(c => [c.id, c]));
      for (const camera of cameras) {
        const marker = L.circleMarker([camera.latitude, camera.longitude], { radius: 5, weight: 1, color: '#fff', fillOpacity: 1, className: 'marker' });
        marker.bindTooltip(() => marker.label ?? camera.name);
        marker.on('click', () => onOpen(camera.id));
        marker.addTo(markerLayer);
        marker.getElement().dataset.id = camera.id;
        markers.set(camera.id, marker);
      }
    },

    /** Colours one camera's marker by health, open violations and selection. */
    paint(camera, { violating, selected }) {
      const marker = markers.get(camera.id);
      const element = marker?.getElement();
      if (!element) return;
      element.setAttribute('class', `leaflet-interactive marker health-${camera.health}${violating ? ' has-violations' : ''}${selected ? ' selected' : ''}`);
      element.dataset.health = camera.health;
      marker.label = `${camera.name} (${camera.health})`;
      if (selected) marker.bringToFront();
    },

    /** The registry name of a camera, its id when not known. */
    cameraName: id => cameraById.get(id)?.name ?? id,

    /** Shows only the markers of the cameras in `shown` (ids). */
    filter(shown) {
      // Hidden rather than removed: Leaflet makes a new element when a layer is added again, losing its attributes.
      for (const [id, marker] of markers) marker.getElement().style.display = shown.has(id) ? '' : 'none';
      for (const [id, circle] of violationMarkers) circle.getElement().style.display = shown.has(id) ? '' : 'none';
      shownIds = shown;
    },

    /**
     * Draws the violations layer: one circle per registry camera of `cameras` ([{camera, violations, byType: [{key,
     * violations}]}], as GET /analytics/cameras answers), with `describe(camera, row)` as its tooltip; null removes it.
     * Answers the rows drawn (those of cameras on the map).
     */
    showViolations(rows, describe) {
      violationLayer.clearLayers();
      violationMarkers.clear();
      if (!rows) { violationLayer.remove(); return []; }
      const drawn = rows.filter(row => cameraById.has(row.camera));
      for (const row of drawn) {
        const camera = cameraById.get(row.camera);
        const circle = L.circleMarker([camera.latitude, camera.longitude], {
          renderer: violationRenderer, pane: 'violations', radius: violationRadius(row.violations), weight: 1,
          className: `violation-marker violations-${violationLevel(row.violations)}`,
        });
        circle.bindTooltip(describe(camera, row));
        circle.on('click', () => onOpen(camera.id));
        circle.addTo(violationLayer);
        violationMarkers.set(camera.id, circle);
      }
      violationLayer.addTo(map);
      for (const row of drawn) {
        const element = violationMarkers.get(row.camera).getElement();
        element.dataset.id = row.camera;
        element.dataset.count = String(row.violations);
        element.dataset.types = row.byType.map(t => `${t.key}:${t.violations}`).join(' ');
        if (shownIds && !shownIds.has(row.camera)) element.style.display = 'none';
      }
      return drawn;
    },
  };
}
