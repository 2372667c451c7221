# users.auth.php
# <?php exit()?>
# Don't modify the lines above
#
# Userfile (DokuWiki's plain authentication): login:passwordhash:Real Name:email:groups,comma,separated
# The recording's only account: alice, password secret (bcrypt, DokuWiki's passcrypt in Debian's configuration).
alice:$2y$10$RLit30H.h2c/1OZjAdIMPui1yoM69XaBobEy2p7ENtwwUTzmGgHnC:Alice:alice@localhost:admin,user
