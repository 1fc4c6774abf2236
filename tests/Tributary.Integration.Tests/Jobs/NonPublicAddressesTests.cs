using System.Net;
using Tributary.Host.Jobs;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>The address ranges job callbacks may not reach, from their RFCs, and public addresses that pass.</summary>
public sealed class NonPublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]           // loopback, RFC 1122
    [InlineData("127.255.255.254")]
    [InlineData("10.0.0.1")]            // RFC 1918
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]          // CGNAT, RFC 6598
    [InlineData("100.127.255.254")]
    [InlineData("169.254.169.254")]     // link-local, RFC 3927: the cloud metadata service
    [InlineData("0.0.0.0")]             // unspecified
    [InlineData("224.0.0.1")]           // multicast
    [InlineData("255.255.255.255")]     // broadcast
    [InlineData("::1")]                 // IPv6 loopback, RFC 4291
    [InlineData("::")]                  // IPv6 unspecified
    [InlineData("fc00::1")]             // unique local, RFC 4193
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")]             // link-local
    [InlineData("ff02::1")]             // multicast
    [InlineData("::ffff:127.0.0.1")]    // IPv4-mapped forms of the above
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("64:ff9b::a9fe:a9fe")]  // NAT64 of 169.254.169.254, RFC 6052
    [InlineData("2002:7f00:1::1")]      // 6to4 of 127.0.0.1, RFC 3056
    public void NonPublicAddress_IsRefused(string address) =>
        NonPublicAddresses.Contains(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]          // just past 172.16.0.0/12
    [InlineData("100.128.0.1")]         // just past 100.64.0.0/10
    [InlineData("169.255.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]    // NAT64 of 8.8.8.8
    public void PublicAddress_IsAllowed(string address) =>
        NonPublicAddresses.Contains(IPAddress.Parse(address)).ShouldBeFalse();
}
