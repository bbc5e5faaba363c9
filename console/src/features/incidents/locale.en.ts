// 接处警 screens (the `incident` namespace), English. Keep the keys in step with locale.zh-CN.ts.
const incident = {
  title: 'Incidents', openCount: '{n} open', new: 'New incident', none: 'No incidents',
  request: 'Intake request from the monitoring centre', takeRequest: 'Take in',
  category: 'Category', subType: 'Sub-type', level: 'Level', address: 'Address / unit', reportedAt: 'Reported', status: 'Status',
  callerName: 'Caller', callerPhone: 'Caller phone', fromAlarm: 'From alarm #{id}',
  levels: { 1: 'Level 1', 2: 'Level 2', 3: 'Level 3', 4: 'Level 4', 5: 'Level 5' },
  intake: {
    title: 'New incident (intake)', titleAlarm: 'Intake from alarm #{id}', fromAlarm: 'Real fire confirmed by the monitoring centre, alarm #{id}',
    alarmTaken: 'This alarm is already incident #{id}', alarmNotConfirmed: 'This alarm is not confirmed as a real fire and cannot become an incident',
    place: 'Location', searchPlaceholder: 'Unit name, address, or lon,lat', unit: 'Unit', anySubType: 'By category (any sub-type)',
    needPlace: 'Choose the location: search a unit or address, click the map, or type longitude and latitude', badPhone: 'Phone: digits, + and -, 3–20 characters',
    acceptUnroutable: 'Location checked: take the incident in although no force can reach it by road', submit: 'Take in and recommend',
    mapHint: 'Click the map to set the location', created: 'Incident #{id} taken in (recommendation in {ms} ms)',
  },
  map: { committed: 'Sent', recommended: 'Recommended', alerted: 'Alerted' },
  rec: {
    title: 'Recommendation', oneClick: 'Dispatch', count: '{n} vehicles · {m} stations', verified: 'Verified', localPractice: 'Local practice',
    source: 'Source', short: '{n} short', nothing: 'No vehicle to recommend', alerts: 'Alerts (1-3-5 minutes)',
    alertRule: 'the unit’s own micro station always, joint forces within 3 minutes', reason: { own_micro: 'Own micro station', joint: '3-minute joint defence' },
    shortfalls: 'Shortfalls', wanted: '{wanted} wanted, {filled} filled', sent: '{n} vehicles sent, {m} stations alerted',
  },
  dispatched: { title: 'Forces sent', eta: 'ETA', callOff: 'Call off', none: 'Nothing sent yet' },
  timeline: {
    title: 'Timeline', implausible: 'Recorded, but implausible', recorded: '{stage} recorded', needVehicle: 'This stage needs a vehicle',
    badTime: 'Time as YYYY-MM-DD HH:mm (Beijing time)', stage: 'Stage', vehicle: 'Vehicle', at: 'Time',
    atPlaceholder: 'Time (empty: now)', note: 'Note', record: 'Record',
  },
  preplan: {
    title: 'Pre-plan', none: 'No pre-plan here or within 300 m', own: 'The unit’s pre-plan', nearest: 'Nearby key unit’s pre-plan ({m} m)',
    completeness: 'Completeness', missing: 'Missing', resistance: 'Fire resistance', height: '{n} m high', floors: '{a} floors above / {b} below',
    area: '{n} m² floor area', day: '{n} people by day', night: '{n} by night', hazardous_materials: 'Hazardous materials', key_parts: 'Key parts',
    fire_facilities: 'Fire facilities', access_routes: 'Access routes', checkedNone: 'Checked: none', attack: 'Attack notes',
    evacuation: 'Evacuation notes', attachments: 'Attachments (floor plans)',
  },
  water: { title: 'Water within 500 m', usable: '{n} of {total} usable', none: 'No registered water source within 500 m', road: '{m} m by road', straight: '{m} m straight (no road)' },
  // The server's refusals by code (docs/ARCHITECTURE.md, "Error codes").
  code: {
    timeline_order: '{stage} cannot be earlier than {before}', timeline_before_received: '{stage} cannot be earlier than the alarm',
    in_future: '{stage} cannot be in the future', implausible_speed: 'average speed {kmh} km/h is outside {min}–{max} km/h: give the reason',
    incident_closed: 'The incident is closed', vehicle_required: '{stage} needs a vehicle', stage_recorded: '{stage} is already recorded',
    vehicle_not_committed: 'The vehicle is not committed to this incident, or has returned', vehicle_state: 'The vehicle is {status}: {stage} cannot be recorded now',
    vehicles_committed: '{n} vehicles are still committed: the incident cannot be closed', vehicle_not_available: 'Vehicle {vehicle} is {status}: a committed or maintained vehicle cannot be dispatched',
    vehicle_committed_elsewhere: 'Vehicle {vehicle} is committed to another incident', vehicle_left: 'The vehicle has left: record the midway return on the timeline',
    vehicle_on_incident: 'The vehicle is committed to incident #{incident}: its status follows that timeline', status_from_dispatch: '{status} comes only from a dispatch',
    no_match: 'No unit matches “{query}”', ambiguous: '{n} units match “{query}”: pick one of the results', location_required: 'Choose the location',
    unroutable: '{problem}: check the location', recommended_or_chosen: 'Dispatch the recommendation, or choose vehicles', nothing_available: 'Nothing available to dispatch',
    bad_plan_set: 'The dispatch plan set is refused', not_key_unit: 'Pre-plans are kept for key units and high-risk units', bad_file_name: 'A file name of {min}–{max} characters without slashes or control characters',
    file_type: 'Only PNG, JPEG, WebP images and PDF documents', too_large: 'Larger than {max_mib} MiB', bad_text: 'Too long, or has control characters',
    alarm_not_fire: 'Alarm #{id} is not a fire and cannot become an incident',
    alarm_not_confirmed: 'Alarm #{id} is not confirmed as a real fire and cannot become an incident', alarm_has_incident: 'Alarm #{id} is already an incident',
  },
  unroutable: { off_network: 'The location is off the road network', no_road_graph: 'No road network', unreachable: 'No force can reach the location by road (closures or a broken network)' },
}

export default { incident }
