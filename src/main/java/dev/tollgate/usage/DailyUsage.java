package dev.tollgate.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** One token's usage on one UTC day: what the flushes of every server added up to. */
@Entity
@Table(name = "TOKEN_USAGE")
@IdClass(DailyUsage.Key.class)
public class DailyUsage {

    public record Key(long tokenId, LocalDate day) implements Serializable {
    }

    @Id
    @Column(name = "TOKEN_ID")
    private long tokenId;

    @Id
    @Column(name = "USAGE_DAY")
    private LocalDate day;

    @Column(nullable = false)
    private long served;

    @Column(name = "REFUSED_LEVEL", nullable = false)
    private long refusedLevel;

    @Column(name = "REFUSED_ADDRESS", nullable = false)
    private long refusedAddress;

    @Column(name = "REFUSED_EXPIRED", nullable = false)
    private long refusedExpired;

    @Column(name = "TOP_ADDRESSES", length = 700)
    private String topAddresses;

    protected DailyUsage() {
        // for JPA
    }

    DailyUsage(long tokenId, LocalDate day) {
        this.tokenId = tokenId;
        this.day = day;
    }

    void add(Tally tally) {
        served += tally.served();
        refusedLevel += tally.refusedLevel();
        refusedAddress += tally.refusedAddress();
        refusedExpired += tally.refusedExpired();
        if (!tally.addresses().isEmpty()) {
            topAddresses = TopAddresses.parse(topAddresses).plus(tally.addresses()).format();
        }
    }

    public long getTokenId() {
        return tokenId;
    }

    public LocalDate getDay() {
        return day;
    }

    public long getServed() {
        return served;
    }

    public long getRefusedLevel() {
        return refusedLevel;
    }

    public long getRefusedAddress() {
        return refusedAddress;
    }

    public long getRefusedExpired() {
        return refusedExpired;
    }

    public long getRefused() {
        return refusedLevel + refusedAddress + refusedExpired;
    }

    TopAddresses topAddresses() {
        return TopAddresses.parse(topAddresses);
    }
}
