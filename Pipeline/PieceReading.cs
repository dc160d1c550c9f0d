using Intake.Pages;
using Intake.Ocr;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>What was read on one piece of a page, what cleanup did to it (null with cleanup off), and the clean piece as PNG when it is to be kept.</summary>
public sealed record PieceReading(PageText Text, PieceReport? Cleanup, byte[]? CleanPng);
