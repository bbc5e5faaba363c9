// 监控中心 (the `monitor` namespace: queue, detail, KPIs, devices; `sensor`: threshold rules and device registration), English. Keep the keys in step with locale.zh-CN.ts.
const sensor = {
  tabRules: 'Threshold rules', tabRegister: 'Register devices',
  m: {
    hydrant_pressure: 'Hydrant pressure', sprinkler_pressure: 'Sprinkler main pressure', tank_level: 'Fire pool / tank level',
    residual_current: 'Residual current (electrical fire)', cable_temperature: 'Cable temperature (electrical fire)', gas_lel: 'Combustible gas',
    smoke: 'Networked smoke alarm',
  },
  cmp: { lt: 'below', le: 'at or below', gt: 'above', ge: 'at or above' },
  rules: {
    set: 'Rule set', origin: { shipped: 'Shipped default', api: 'Loaded in the console / API', cli: 'Loaded on the command line' }, originFile: 'Loaded from file {path}',
    originLabel: 'Origin', loaded: 'loaded by {by} at {at}', notLoaded: 'No rule set loaded; the shipped default rules apply',
    count: '{n} rules', measurement: 'Measurement', scope: 'Applies to', allSensors: 'All sensors of the measurement',
    oneSensor: 'Single-sensor rule', oneSensorHint: 'For this sensor only, in place of the general rules of the same measurement and alarm kind',
    condition: 'Alarm when', hysteresis: 'Hysteresis', kind: 'Alarm kind', source: 'Source (standard, clause)', verified: 'Verified',
    unverified: '⚠ Unverified', unverifiedHint: 'Not yet checked against the standard\'s text; check before relying on it', recovers: 'Recovers',
    note: 'Note', conditionText: '{cmp} {value} {unit}',
    edit: 'Edit rule set (TOML)', editHint: 'Load the changed set: once the server accepts it, readings from then on are judged by it; a refused set changes nothing. Every rule cites its source.',
    load: 'Load rule set', revert: 'Back to the rules in force', closeEditor: 'Close editor', loadedOk: 'Rule set loaded; readings from now on are judged by it',
    refused: 'Rule set not loaded; the rules in force are unchanged', serverSaid: 'Server message', readOnly: 'Your role may view the threshold rules; only administrators change them',
    empty: 'The rule set must not be empty',
  },
  silence: {
    title: 'Offline after silence', hint: 'A sensor without a reading for longer than its limit is offline, with an alarm. A rule for one sensor comes first, then its measurement\'s, else the server setting (sensor_offline_secs, 2 h by default). Edit them as [[silence]] in the TOML.',
    after: 'offline after {d} without a reading', hours: '{n} h', minutes: '{n} min', seconds: '{n} s', none: 'No silence rules: every sensor goes offline by the server setting',
  },
  // The server's refusals by code (docs/ARCHITECTURE.md, "Error codes"): registration, readings, threshold rule sets.
  code: {
    bad_uitd_address: 'a device address is 6 bytes written as 12 hex digits', bad_sensor_address: 'a sensor address is 4–64 characters of a-z, 0-9, - and _',
    address_taken: 'a device with this address is already registered', water_source_required: 'a {m} sensor names the hydrant it watches',
    wrong_unit: 'unit “{unit}”: {m} is measured in {expected}', too_old: 'older than {max_days} days', address_mismatch: 'not the address of this sensor',
    rules_syntax: 'not a threshold rule set: error at line {line}, column {column}', rules_id_name: 'id and name must not be empty',
    rules_count: 'a rule set has {min}–{max} {list}', unknown_measurement: 'unknown measurement', rule_value: 'value must be a finite number of magnitude at most {max}',
    rule_hysteresis: 'hysteresis must be a number ≥ 0', silence_after: 'after_secs must be {min} to {max}', not_sensor_alarm_kind: 'kind "{kind}" is not a sensor alarm kind',
    source_required: 'every rule cites its source (standard and clause, or 本地设定)', fire_recovers: 'a fire is handled by an operator: set recovers = false',
    unregistered_sensor: 'device "{device}" is not a registered sensor', sensor_measurement: 'device "{device}" measures {has}, not {want}',
  },
  // The same codes inside a rule (its number and measurement come first: ruleAt, silenceAt).
  ruleCode: {
    bad_sensor_address: 'device "{device}": a sensor address is 4–64 characters of a-z, 0-9, - and _ (lower-case)', wrong_unit: 'unit "{unit}": readings of {measurement} are in {expected}',
  },
  ruleAt: 'rule {rule} ({measurement}): {reason}', silenceAt: 'silence rule {silence_rule} ({measurement}): {reason}',
  syntax: 'not a threshold rule set', list: { rule: 'rules', silence: 'silence rules' },
  reg: {
    uitd: 'Register a UITD', uitdHint: 'User information transmission devices (GB/T 26875) are registered by their 6-byte address; their frames reach the alarm queue once registered',
    sensor: 'Register an IoT sensor', sensorHint: 'A registered sensor gets an ingestion token to send its readings (HTTP or MQTT)',
    jurisdiction: 'Jurisdiction', unit: 'Unit', unitPlaceholder: 'Type a unit name to search (optional)',
    uitdAddress: 'Address (12 hex digits)', sensorAddress: 'Sensor address (IMEI, serial number …)', name: 'Device name',
    measurement: 'Measurement', water: 'Hydrant / water source watched', waterPlaceholder: 'Type a water-source code to search', building: 'Building ID',
    submitUitd: 'Register UITD', submitSensor: 'Register sensor', doneUitd: 'Registered: {name} ({address})', showList: 'Show in the device list',
    sensors: 'Registered sensors', noSensors: 'No sensors', rotate: 'New token',
    rotateConfirm: 'Replace the ingestion token of {name}? The old token stops working at once; the sensor needs the new one.', rotateTitle: 'New token',
    tokenTitle: 'Sensor ingestion token', tokenOnce: 'This token is shown only this once; it cannot be shown again',
    tokenHow: 'Copy it now into the sensor: HTTP header X-Huoyan-Device-Token, or the token field of its MQTT messages. The server keeps only a hash; a lost token is replaced, not recovered.',
    tokenFor: '{name} ({address})', copy: 'Copy token', copied: 'Copied to the clipboard', copyFailed: 'Could not write the clipboard; select and copy by hand',
    tokenDone: 'I have saved the token', noPermission: 'Your role may not register devices',
    valid: {
      uitdAddress: 'The address is 12 hex digits (0–9, A–F)', sensorAddress: 'A sensor address is 4–64 of a-z, 0-9, - and _',
      water: 'A hydrant pressure sensor names the hydrant it watches', building: 'The building ID is a positive whole number',
    },
  },
}

const monitor = {
    title: 'Monitoring centre', queue: 'Alarm queue', stats: 'Statistics', devices: 'Devices',
    status: { unhandled: 'Unhandled', escalated: 'Overdue', handled: 'Handled', all: 'All', open: 'Unhandled' },
    level: { fire: 'Fire', warning: 'Warning', info: 'Info' },
    filterKind: 'Alarm kind', filterLevel: 'Level', filterStatus: 'Status', filterUnit: 'Unit',
    kind: 'Kind', unit: 'Unit', device: 'Device', summary: 'Component', count: 'Count', firstAt: 'First', lastAt: 'Latest',
    statusCol: 'Status', noUnit: 'No unit', merged: 'merged ×{n}', escalatedMark: 'Overdue',
    total: '{n} alarms', empty: 'No alarms', live: 'Live', liveOff: 'Live link down',
    latencyShort: 'GB 50440-2007: fire alarm on screen ≤ 20 s', latency: 'Latest alarm on screen after {t}', latencyRule: 'GB 50440-2007: a fire alarm must reach the centre\'s screen within 20 s of the UITD',
    detailTitle: 'Alarm · {kind}', components: 'Components', frames: 'Recent frames of the device', noFrames: 'No frames',
    framesOf: '{name} · recent frames', unitRegister: 'Unit register', showOnMap: 'Show on map', deviceAddress: 'Device address',
    handle: 'Handle', handleHint: 'Choose a result, add a note, press Enter', note: 'Note', notePlaceholder: 'What was checked, who was called…',
    submit: 'Submit', handled: 'Handled: {result}', handledBy: 'Handled by', handledAt: 'Handled at', readOnly: 'Your role may view alarms but not handle them',
    escalatedAt: 'Overdue since', chooseResult: 'Choose a result', conflict: 'Someone else handled this alarm; reloaded',
    incidentRequest: 'Incident request raised for dispatch', incidentRequestLink: 'Open incidents (with this alarm)', incidentRequestSent: 'Incident request pushed',
    counts: { title: 'Unhandled', fire: 'Fire', fault: 'Fault', other: 'Other', escalated: '{n} overdue', zero: 'All handled' },
    batch: {
      picked: '{n} selected', note: 'Note (for all selected alarms)', submit: 'Handle {n}', clear: 'Clear selection',
      hint: 'Batch handling is false alarm, test or ignore only; confirm a real fire one by one in its detail', tooMany: 'At most {max} at once',
      done: '{n} handled: {result}', refusedOne: 'Alarm #{id} was handled by someone else or is out of view; nothing was handled, the list is reloaded',
      refused: 'Some alarms were handled by someone else or are out of view; nothing was handled, the list is reloaded', all: 'Select all unhandled alarms on this page', one: 'Select alarm #{id}',
    },
    escalationRule: 'A fire alarm not handled within the centre\'s set time (60 s by default; a local rule, not a standard) becomes overdue',
    kpi: {
      online: 'Online rate', intact: 'Intact rate', falseRate: 'False-alarm rate', handle: 'Mean time to handle', unhandled: 'Unhandled alarms',
      onlineOf: '{n} of {total} online', intactOf: '{n} of {total} intact', falseOf: '{f} false / {r} real (fire)',
      handleSub: 'median {p50} · 90% {p90}', since: 'Period: since {since} (30 days)', byKind: 'Alarms by kind (30 days)',
      periodSeries: 'In period', openSeries: 'Unhandled',
      notes: 'Intact: devices without an unhandled fault, power-fault or offline alarm. False-alarm rate: false ÷ (real + false) of handled fire alarms. Time to handle: first signal to the operator\'s decision, fire alarms.',
    },
    dev: {
      name: 'Device', unit: 'Unit', address: 'Address', online: 'Online', offline: 'Offline', state: 'State', lastSeen: 'Last seen',
      sensor: 'Sensor', frames: 'Frames', all: 'All', keyword: 'Device, unit or address', count: '{n} devices, {online} online',
    },
    quarantined: 'Unregistered (quarantined)', sec: '{n} s', minSec: '{m} min {s} s', hourMin: '{h} h {m} min',
    result: { real: 'Confirmed', real_fire: 'Confirmed real fire', false: 'False alarm', test: 'Test', ignored: 'Ignored', recovered: 'Recovered' },
}

export default { monitor, sensor }
