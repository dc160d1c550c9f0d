using Intake.Pages;
using Intake.Dossiers.Printed;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// What was read on one piece of a page, what cleanup did to it (null with cleanup off), the clean piece as PNG when it
/// is to be kept, the answers to the second looks the domain asked for on a card (empty elsewhere), and a reading problem.
/// </summary>
public sealed record PieceReading(PageText Text, PieceReport? Cleanup, byte[]? CleanPng)
{
    public IReadOnlyList<ZoneAnswer> SecondLooks { get; init; } = [];

    /// <summary>Why the piece may be misread although it was read (Vietnamese / English), or null: a page still too coarse for its print once enlarged.</summary>
    public string? ReadingProblem { get; init; }
}
