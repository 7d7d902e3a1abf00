// The camera map: NYC's borough outlines (GET map/boroughs.geojson, made at build time from the Department of City
// Planning's boundaries) drawn by Leaflet without any tile server, so it pans and zooms offline and under the page's
// CSP; one circle per camera coloured by health (the CSS classes of the legend), a click opens the camera.
// Leaflet is the classic script lib/leaflet/leaflet.js (global L), loaded before the page's modules.
const L = window.L;

const BOROUGH_STYLE = { className: 'borough', color: '#a9a48f', weight: 1, fillColor: '#f3f1ea', fillOpacity: 1 };

export async function createCameraMap(container, { onOpen }) {
  const map = L.map(container, { renderer: L.svg({ padding: 0.5 }), zoomSnap: 0.25, minZoom: 9, maxZoom: 18 });
  map.attributionControl.setPrefix(false);
  const markers = new Map();
  const markerLayer = L.layerGroup();
  try {
    const geo = await (await fetch('map/boroughs.geojson')).json();
    const boroughs = L.geoJSON(geo, {
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

    /** Shows only the markers of the cameras in `shown` (ids). */
    filter(shown) {
      // Hidden rather than removed: Leaflet makes a new element when a layer is added again, losing its attributes.
      for (const [id, marker] of markers) marker.getElement().style.display = shown.has(id) ? '' : 'none';
    },
  };
}
