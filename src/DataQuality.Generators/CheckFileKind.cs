namespace DataQuality.Generators
{
    /// <summary>What an AdditionalFile is to us, from its item metadata <c>DataQualityKind</c> (set by the package's props).</summary>
    internal enum CheckFileKind
    {
        Suite,
        Contract,
    }
}
