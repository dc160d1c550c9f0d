namespace Intake.Kiosk.Host.Hardware.Gpio;

/// <summary>What the status light shows: green ready, amber busy (pages being read), red error.</summary>
internal enum KioskLight
{
    Ready,
    Busy,
    Error,
}
