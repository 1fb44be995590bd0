namespace DataQuality.Core.Profiling;

/// <summary>One histogram bin: values in (Lower, Upper], the first bin also holding Lower itself.</summary>
public sealed record HistogramBin(double Lower, double Upper, long Count);
