namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>
/// Cases that fail on main because of issue 12 items not fixed yet. Each is listed, with what it did, in
/// tests/DataQuality.Fuzz.Tests/KNOWN-FAILURES.md and left out of the corpus by exact name; remove a name
/// here (and its line there) when its fix lands. CorpusTests fails when a name here matches no case.
/// </summary>
public static class KnownFailures
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "parquet/data/datapage_v2.snappy.parquet/profile",
        "parquet/data/dict-page-offset-zero.parquet/profile",
        "parquet/data/hadoop_lz4_compressed.parquet/profile",
        "parquet/data/hadoop_lz4_compressed_larger.parquet/profile",
        "parquet/data/int96_from_spark.parquet/profile",
        "parquet/data/map_no_value.parquet/profile",
        "parquet/data/nested_structs.rust.parquet/profile",
        "parquet/data/rle_boolean_encoding.parquet/profile",
    };
}
