using System.Collections.Generic;
using System.Text;

namespace DataQuality.Generators
{
    /// <summary>C# identifiers and literals from user-chosen names.</summary>
    internal static class CodeNames
    {
        /// <summary><c>order_items</c> → <c>OrderItems</c>; <c>2024-sales</c> → <c>_2024Sales</c>.</summary>
        public static string Pascal(string name)
        {
            var sb = new StringBuilder();
            var upper = true;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    sb.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }
            if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
            return sb.ToString();
        }

        /// <summary>The folder part of a relative path as namespace segments: <c>expectations/silver</c> → <c>Expectations.Silver</c>.</summary>
        public static string Namespace(string relativePath)
        {
            var parts = new List<string> { "DataQuality", "Generated" };
            var segments = relativePath.Split('/');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (segments[i].Length == 0 || segments[i] == "." || segments[i] == "..") continue;
                parts.Add(Pascal(segments[i]));
            }
            return string.Join(".", parts);
        }

        /// <summary><c>orders.suite.yaml</c> → <c>orders</c>: the class name's stem.</summary>
        public static string FileStem(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            var dot = name.IndexOf('.');
            return dot > 0 ? name.Substring(0, dot) : name;
        }

        public static string Literal(string? value) => value is null ? "null" : "@\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
