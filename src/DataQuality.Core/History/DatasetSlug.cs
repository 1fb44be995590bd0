using System.Security.Cryptography;
using System.Text;

namespace DataQuality.Core.History;

/// <summary>
/// A file/key-safe name for a dataset key: readable characters kept, plus a hash of the full key so
/// two keys that sanitise alike (e.g. <c>a/b</c> and <c>a_b</c>) never share a file.
/// </summary>
public static class DatasetSlug
{
    public static string For(string dataset)
    {
        var sb = new StringBuilder();
        foreach (var c in dataset)
        {
            if (sb.Length >= 60) break;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataset)))[..10];
        return sb.ToString().Trim('_', '.') + "-" + hash;
    }
}
