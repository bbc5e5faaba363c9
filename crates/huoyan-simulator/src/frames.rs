//! The frames a simulated UITD sends, built with the protocol crate (no I/O): component states
//! (火警, 故障, normal), the device's own state (主电故障), heartbeats, and the answers to the
//! centre's reads and controls (巡检, 校时, 查岗).

use huoyan_gb26875::{
    Address, Adu, Command, ComponentAddress, ComponentState, ComponentStateObject, ComponentType, Description, Frame,
    SystemType, TimeObject, TimeTag, UitdOperationFlags, UitdOperationObject, UitdState, UitdStateObject, Version,
};
use rand::Rng;

/// What an upload reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// A smoke detector in fire (component state, bit 1).
    Fire,
    /// A component fault (bit 2).
    Fault,
    /// A component back to normal (bit 0 only).
    Normal,
    /// The UITD's main power failed (type 21, bit 3).
    MainPowerFault,
}

/// The time tag of now, China time.
pub fn now_tag() -> TimeTag {
    TimeTag::from_unix(chrono::Utc::now().timestamp(), 8 * 3600)
}

/// Descriptions of where a detector is, in the building's own words.
const PLACES: &[&str] =
    &["一层大厅", "二层东走廊", "三层配电室", "四层客房", "地下车库", "五层餐厅", "六层办公区", "七层库房"];

/// An upload (command 2) from `source` with `serial`.
pub fn upload(source: Address, serial: u16, report: Report, rng: &mut impl Rng) -> Frame {
    let time = now_tag();
    match report {
        Report::MainPowerFault => send_data(
            source,
            serial,
            time,
            Some(Adu::UitdState(vec![UitdStateObject { state: UitdState(0x09), time }])),
        ),
        r => {
            let state = match r {
                Report::Fire => 0x02,
                Report::Fault => 0x04,
                _ => 0x01,
            };
            let place = PLACES[rng.random_range(0..PLACES.len())];
            let (lp, pt) = (rng.random_range(1..=8u32), rng.random_range(1..=200u32));
            let component = if r == Report::Fire { 40 } else { [40u8, 30, 31, 23][rng.random_range(0..4)] };
            let mut f = component_upload(source, serial, ComponentState(state), (lp, pt), place);
            if let Some(Adu::ComponentState(o)) = &mut f.adu {
                o[0].component_type = ComponentType(component);
                (f.time, o[0].time) = (time, time);
            }
            f
        }
    }
}

/// An upload of one component's state (type 2, 部件运行状态) of fire alarm system 1: a smoke
/// detector (component type 40) at (`loop`, `point`) described as `place`, time-stamped now.
pub fn component_upload(source: Address, serial: u16, state: ComponentState, at: (u32, u32), place: &str) -> Frame {
    let time = now_tag();
    let object = ComponentStateObject {
        system_type: SystemType(1),
        system_address: 1,
        component_type: ComponentType(40),
        component_address: ComponentAddress((at.1 << 16) | at.0),
        state,
        description: Description::new(place),
        time,
    };
    send_data(source, serial, time, Some(Adu::ComponentState(vec![object])))
}

/// A heartbeat: an upload without ADU.
pub fn heartbeat(source: Address, serial: u16) -> Frame {
    send_data(source, serial, now_tag(), None)
}

/// A device's 发送数据 (command 2) to the centre.
fn send_data(source: Address, serial: u16, time: TimeTag, adu: Option<Adu>) -> Frame {
    Frame {
        serial,
        version: Version::default(),
        time,
        source,
        destination: Address([0; 6]),
        command: Command::SendData,
        adu,
    }
}

/// The device's reply to a frame from the centre, if it needs one: 应答 with the state for reads
/// of the UITD state (81) or time (88), 确认 for controls (clock sync 90, init 89, duty check 91).
pub fn reply_to(request: &Frame) -> Option<Frame> {
    let time = now_tag();
    let base = |command, adu| Frame {
        serial: request.serial,
        version: request.version,
        time,
        source: request.destination,
        destination: request.source,
        command,
        adu,
    };
    match (request.command, request.adu.as_ref().map(Adu::type_code)) {
        (Command::Request, Some(81)) => {
            Some(base(Command::Answer, Some(Adu::UitdState(vec![UitdStateObject { state: UitdState(0x01), time }]))))
        }
        (Command::Request, Some(88)) => Some(base(Command::Answer, Some(Adu::UitdTime(vec![TimeObject { time }])))),
        (Command::Request, Some(_)) => Some(base(Command::Deny, None)),
        (Command::Control, Some(_)) => Some(base(Command::Confirm, None)),
        _ => None,
    }
}

/// The operator's answer to a duty check (查岗应答), an upload of type 24.
pub fn duty_check_reply(source: Address, serial: u16) -> Frame {
    let time = now_tag();
    let adu = Adu::UitdOperation(vec![UitdOperationObject { flags: UitdOperationFlags(0x20), operator: 1, time }]);
    Frame {
        serial,
        version: Version::default(),
        time,
        source,
        destination: Address([0; 6]),
        command: Command::SendData,
        adu: Some(adu),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn uploads_round_trip_through_the_codec() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        for r in [Report::Fire, Report::Fault, Report::Normal, Report::MainPowerFault] {
            let f = upload(Address([1, 2, 3, 4, 5, 6]), 9, r, &mut rng);
            let back = huoyan_gb26875::decode(&f.encode()).unwrap();
            assert_eq!(back, f, "{r:?}");
        }
        let hb = heartbeat(Address([1; 6]), 3);
        assert_eq!(huoyan_gb26875::decode(&hb.encode()).unwrap().adu, None);
    }

    #[test]
    fn a_fire_upload_sets_the_fire_bit() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2);
        let f = upload(Address([1; 6]), 1, Report::Fire, &mut rng);
        let Some(Adu::ComponentState(o)) = f.adu else { panic!() };
        assert!(o[0].state.fire());
        assert!(!o[0].state.fault());
    }
}
