package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The forms a proxy writes an address in, and entries that are no address at all. */
class ClientAddressTest {

    @Test
    void readsAddressesWithAndWithoutPorts() {
        assertEquals("198.51.100.7", ClientAddress.hostOf("198.51.100.7"));
        assertEquals("198.51.100.7", ClientAddress.hostOf("198.51.100.7:4711"));
        assertEquals("2001:db8::1", ClientAddress.hostOf("2001:db8::1"));
        assertEquals("2001:db8::1", ClientAddress.hostOf("[2001:db8::1]:4711"));
    }

    @Test
    void refusesWhatIsNoAddress() {
        assertNull(ClientAddress.hostOf(""));
        assertNull(ClientAddress.hostOf("unknown"));
        assertNull(ClientAddress.hostOf("<script>"));
        assertNull(ClientAddress.hostOf("[2001:db8::1"));
        assertNull(ClientAddress.hostOf("1".repeat(60)));
    }
}
