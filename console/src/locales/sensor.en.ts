// 监控中心 · threshold rules and device registration (the `sensor` namespace), English. Keep the
// keys in step with sensor.zh-CN.ts.
export default {
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
  err: {
    rule: 'rule {n} ({m}): {reason}', syntax: 'not a threshold rule set', syntaxAt: 'not a threshold rule set: error at line {line}, column {col}',
    idName: 'id and name must not be empty', count: 'a rule set has 1–500 rules', measurement: 'unknown measurement', unit: 'unit {unit}: readings are in {expected}',
    value: 'value must be a finite number of at most 1e6', hysteresis: 'hysteresis must be a number ≥ 0', kind: '{kind} is not a sensor alarm kind',
    source: 'every rule cites its source', fire: 'a fire is handled by an operator: set recovers = false',
    unregistered: 'device {device} is not a registered sensor', otherMeasurement: 'device {device} measures {has}, not {want}',
    address: 'device {device}: not a sensor address',
  },
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
    err: {
      uitdAddress: 'a device address is 6 bytes written as 12 hex digits', sensorAddress: 'a sensor address is 4–64 characters of a-z, 0-9, - and _',
      jurisdiction: 'jurisdiction {id} does not exist', noRecord: 'no record {id} in your jurisdiction', water: 'a hydrant pressure sensor names the hydrant it watches',
      taken: 'a device with this address is already registered', name: '1–200 characters', scope: 'outside your jurisdiction',
    },
  },
}
