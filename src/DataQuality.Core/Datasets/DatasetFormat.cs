namespace DataQuality.Core.Datasets;

public enum DatasetFormat
{
    Parquet,
    Csv,
    /// <summary>Newline-delimited JSON.</summary>
    Json,
}
