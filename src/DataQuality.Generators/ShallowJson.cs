using System.Text.RegularExpressions;

namespace DataQuality.Generators
{
    /// <summary>
    /// Names from a GX suite JSON without a JSON library (the compiler host gives a generator none):
    /// the first <c>"expectation_suite_name"</c> or <c>"name"</c> string, and a <c>"dataset"</c>
    /// string (our convention: <c>meta.dataset</c>).
    /// </summary>
    internal static class ShallowJson
    {
        private static readonly Regex SuiteName = new Regex("\"expectation_suite_name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);
        private static readonly Regex Name = new Regex("^\\s*\\{\\s*(?:[^{}\\[\\]]*?,\\s*)?\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex Dataset = new Regex("\"dataset\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);

        public static string? SuiteNameOf(string text)
        {
            var m = SuiteName.Match(text);
            if (m.Success) return Regex.Unescape(m.Groups[1].Value);
            m = Name.Match(text);
            return m.Success ? Regex.Unescape(m.Groups[1].Value) : null;
        }

        public static string? DatasetOf(string text)
        {
            var m = Dataset.Match(text);
            return m.Success ? Regex.Unescape(m.Groups[1].Value) : null;
        }
    }
}
